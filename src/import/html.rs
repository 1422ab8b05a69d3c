//! HTML in TimelineJS texts → clean plain text and the links it holds.
//!
//! html5ever (through `scraper`) parses the fragment as a browser would, decoding every entity
//! (`&amp;`, `&eacute;`, `&#8217;`); tags are dropped, scripts and styles with their content.
//! Whitespace is tidied as a browser shows it: runs become one space, block elements
//! (`<p>`, `<div>`, `<li>`, headings) and a double `<br>` start a new paragraph, a single `<br>`
//! a new line. One departure from HTML, for texts typed into spreadsheet cells: a blank line in
//! the text itself also starts a new paragraph. Paragraphs are joined by a blank line.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// A link found in the HTML: its address and its text, both tidied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// The plain text of an HTML fragment and its links, in the order they appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainText {
    pub text: String,
    pub links: Vec<Link>,
}

/// How the text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Everything on one line (headlines, captions), else paragraphs.
    pub one_line: bool,
    /// Write each link's address after its text, ` (https://…)`, for texts whose links
    /// cannot become sources.
    pub inline_urls: bool,
}

impl Style {
    pub const TEXT: Style = Style {
        one_line: false,
        inline_urls: false,
    };
    pub const LINE: Style = Style {
        one_line: true,
        inline_urls: false,
    };
    pub const TEXT_WITH_URLS: Style = Style {
        one_line: false,
        inline_urls: true,
    };
}

/// Elements whose content is not text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "svg", "head", "title",
];

/// Elements that stand on their own lines.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// The plain text and links of an HTML fragment.
pub fn convert(html: &str, style: Style) -> PlainText {
    let fragment = Html::parse_fragment(html);
    let mut writer = Writer::new(style);
    // `traverse` walks without recursion, so no nesting depth can exhaust the stack.
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => writer.text(text),
                Node::Element(element) => writer.open(element.name(), element.attr("href")),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    writer.close(element.name());
                }
            }
        }
    }
    writer.finish()
}

/// Builds tidy text from the pieces of the walk.
struct Writer {
    style: Style,
    paragraphs: Vec<String>,
    /// The paragraph being written; lines in it end with `\n`.
    current: String,
    /// Whitespace was seen since the last character written.
    space_pending: bool,
    /// Line breaks in that whitespace (two make a blank line).
    newlines_pending: usize,
    /// Inside this many skipped elements.
    skipped_depth: usize,
    /// The `<a href>` being read: its address and raw text.
    open_link: Option<(String, String)>,
    links: Vec<Link>,
}

impl Writer {
    fn new(style: Style) -> Writer {
        Writer {
            style,
            paragraphs: Vec::new(),
            current: String::new(),
            space_pending: false,
            newlines_pending: 0,
            skipped_depth: 0,
            open_link: None,
            links: Vec::new(),
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipped_depth > 0 {
            return;
        }
        if let Some((_, link_text)) = &mut self.open_link {
            link_text.push_str(text);
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.space_pending = true;
                if c == '\n' {
                    self.newlines_pending += 1;
                    if self.newlines_pending >= 2 {
                        self.paragraph_break();
                    }
                }
            } else if !c.is_control() {
                self.write_char(c);
            }
        }
    }

    fn write_char(&mut self, c: char) {
        if self.space_pending && !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push(' ');
        }
        self.space_pending = false;
        self.newlines_pending = 0;
        self.current.push(c);
    }

    fn open(&mut self, name: &str, href: Option<&str>) {
        if SKIPPED.contains(&name) {
            self.skipped_depth += 1;
        } else if self.skipped_depth > 0 {
        } else if name == "br" {
            self.line_break();
        } else if BLOCKS.contains(&name) {
            self.paragraph_break();
        } else if name == "a"
            && let Some(href) = href
        {
            self.open_link = Some((href.trim().to_owned(), String::new()));
        }
    }

    fn close(&mut self, name: &str) {
        if SKIPPED.contains(&name) {
            self.skipped_depth = self.skipped_depth.saturating_sub(1);
        } else if self.skipped_depth > 0 {
        } else if BLOCKS.contains(&name) {
            self.paragraph_break();
        } else if name == "a"
            && let Some((href, raw_text)) = self.open_link.take()
        {
            let text = tidy_line(&raw_text);
            let show_url = self.style.inline_urls
                && !href.is_empty()
                && !href.starts_with('#')
                && text != href;
            if show_url {
                let shown = if text.is_empty() {
                    href.clone()
                } else {
                    format!("({href})")
                };
                if !text.is_empty() {
                    self.space_pending = true;
                }
                for c in shown.chars() {
                    self.write_char(c);
                }
            }
            if !href.is_empty() {
                self.links.push(Link { href, text });
            }
        }
    }

    /// `<br>`: a new line, or a new paragraph when the line is already empty (`<br><br>`).
    fn line_break(&mut self) {
        if self.current.ends_with('\n') {
            self.paragraph_break();
        } else if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.space_pending = false;
        self.newlines_pending = 0;
    }

    fn paragraph_break(&mut self) {
        let paragraph = self.current.trim_end();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph.to_owned());
        }
        self.current.clear();
        self.space_pending = false;
        self.newlines_pending = 0;
    }

    fn finish(mut self) -> PlainText {
        self.paragraph_break();
        let text = if self.style.one_line {
            tidy_line(&self.paragraphs.join(" "))
        } else {
            self.paragraphs.join("\n\n")
        };
        PlainText {
            text,
            links: self.links,
        }
    }
}

/// All whitespace runs as single spaces, none at the ends.
fn tidy_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        convert(html, Style::TEXT).text
    }

    fn line(html: &str) -> String {
        convert(html, Style::LINE).text
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            line("Caf&eacute; &amp; bar&#8217;s &lt;b&gt; &quot;q&quot; &#x2014; AT&T"),
            "Café & bar’s <b> \"q\" — AT&T"
        );
        assert_eq!(line("10&nbsp;km"), "10 km");
    }

    #[test]
    fn tags_are_stripped_and_scripts_dropped_with_their_content() {
        assert_eq!(
            line("<b>Bold</b> and <i>italic</i><script>alert('x')</script><style>p{}</style> end"),
            "Bold and italic end"
        );
        assert_eq!(line("5 < 6 and 7 > 3"), "5 < 6 and 7 > 3");
        assert_eq!(line("<!-- a comment -->Visible"), "Visible");
        assert_eq!(line(""), "");
        assert_eq!(line("   <p> </p> "), "");
    }

    #[test]
    fn whitespace_is_tidied_into_lines_and_paragraphs() {
        assert_eq!(
            text("<p>First   paragraph,\n  wrapped.</p><p>Second</p>"),
            "First paragraph, wrapped.\n\nSecond"
        );
        assert_eq!(text("one<br>two<br/>three"), "one\ntwo\nthree");
        assert_eq!(text("one<br><br>two"), "one\n\ntwo");
        assert_eq!(text("<ul><li>a</li><li>b</li></ul>"), "a\n\nb");
        assert_eq!(
            text("typed in a cell\n\nsecond paragraph\nsame one"),
            "typed in a cell\n\nsecond paragraph same one"
        );
        assert_eq!(line("<p>Headline</p><p>on two</p>"), "Headline on two");
    }

    #[test]
    fn links_are_collected_with_their_text() {
        let converted = convert(
            "See <a href=\" https://example.org/a?b=1&amp;c=2 \">the <em>report</em> &amp; annex</a> and <a href=\"mailto:x@example.org\">mail</a>.",
            Style::TEXT,
        );
        assert_eq!(converted.text, "See the report & annex and mail.");
        assert_eq!(
            converted.links,
            [
                Link {
                    href: "https://example.org/a?b=1&c=2".into(),
                    text: "the report & annex".into()
                },
                Link {
                    href: "mailto:x@example.org".into(),
                    text: "mail".into()
                },
            ]
        );
    }

    #[test]
    fn addresses_can_be_kept_inline() {
        let converted = convert(
            "Read <a href=\"https://example.org/\">this</a>, <a href=\"https://example.org/b\"></a> or <a href=\"#top\">top</a>.",
            Style::TEXT_WITH_URLS,
        );
        assert_eq!(
            converted.text,
            "Read this (https://example.org/), https://example.org/b or top."
        );
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let html = format!(
            "{}deep{}",
            "<span>".repeat(50_000),
            "</span>".repeat(50_000)
        );
        assert_eq!(line(&html), "deep");
    }
}
