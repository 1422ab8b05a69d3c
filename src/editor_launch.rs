//! Opening a timeline file in the user's own editor at an event's line: `$VISUAL` or
//! `$EDITOR` with the usual `+LINE FILE` (or `FILE:LINE` for editors that take that form),
//! otherwise the system's opener for the file.

use std::ffi::OsString;
use std::path::Path;

/// A program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub program: OsString,
    pub args: Vec<OsString>,
}

/// Editors that take `FILE:LINE` (with the flag they need for it) rather than `+LINE FILE`.
const FILE_COLON_LINE: [(&str, Option<&str>); 6] = [
    ("code", Some("--goto")),
    ("codium", Some("--goto")),
    ("code-insiders", Some("--goto")),
    ("subl", None),
    ("zed", None),
    ("hx", None),
];

/// How to open `path` at `line` with the editor named by `editor` (the value of `$VISUAL`
/// or `$EDITOR`, which may carry arguments: `code --wait`); the system opener without one.
pub fn invocation(editor: Option<&str>, path: &Path, line: usize) -> Invocation {
    let mut words = editor.unwrap_or("").split_whitespace();
    let Some(program) = words.next() else {
        return system_opener(path);
    };
    let mut args: Vec<OsString> = words.map(OsString::from).collect();
    let name = Path::new(program)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    match FILE_COLON_LINE.iter().find(|(known, _)| *known == name) {
        Some((_, flag)) => {
            if let Some(flag) = flag {
                args.push(OsString::from(flag));
            }
            let mut target = path.as_os_str().to_owned();
            target.push(format!(":{line}"));
            args.push(target);
        }
        None => {
            args.push(OsString::from(format!("+{line}")));
            args.push(path.as_os_str().to_owned());
        }
    }
    Invocation {
        program: OsString::from(program),
        args,
    }
}

fn system_opener(path: &Path) -> Invocation {
    let (program, mut args): (&str, Vec<OsString>) = if cfg!(target_os = "macos") {
        ("open", vec![])
    } else if cfg!(windows) {
        ("cmd", vec!["/C".into(), "start".into(), "".into()])
    } else {
        ("xdg-open", vec![])
    };
    args.push(path.as_os_str().to_owned());
    Invocation {
        program: OsString::from(program),
        args,
    }
}

/// The editor the environment names: `$VISUAL`, else `$EDITOR`.
pub fn editor_from_environment() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}

/// Starts the editor on `path` at `line` without waiting for it.
pub fn open_at_line(path: &Path, line: usize) -> std::io::Result<()> {
    let invocation = invocation(editor_from_environment().as_deref(), path, line);
    std::process::Command::new(&invocation.program)
        .args(&invocation.args)
        .stdin(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(invocation: &Invocation) -> Vec<String> {
        invocation
            .args
            .iter()
            .map(|arg| arg.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn editors_get_the_line_in_the_form_they_take() {
        let path = Path::new("/data/t.ron");
        let vim = invocation(Some("vim"), path, 42);
        assert_eq!(vim.program, "vim");
        assert_eq!(args(&vim), ["+42", "/data/t.ron"]);
        let code = invocation(Some("/usr/bin/code --wait"), path, 7);
        assert_eq!(code.program, "/usr/bin/code");
        assert_eq!(args(&code), ["--wait", "--goto", "/data/t.ron:7"]);
        assert_eq!(args(&invocation(Some("subl"), path, 3)), ["/data/t.ron:3"]);
    }

    #[test]
    fn without_an_editor_the_system_opener_opens_the_file() {
        let opener = invocation(Some("  "), Path::new("t.ron"), 1);
        assert_eq!(args(&opener).last().map(String::as_str), Some("t.ron"));
        assert_ne!(opener.program, "");
    }
}
