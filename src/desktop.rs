//! The application as the desktop knows it: its id, icon, desktop entry and AppStream
//! metainfo (shipped under `assets/desktop/`), the window icon rendered from the same SVG,
//! and putting the entry and icon into (or taking them out of) the user's XDG folders.

use std::path::{Path, PathBuf};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use crate::files::{FileError, write_atomically};

/// The reverse-DNS id the entry, icon and metainfo are named by.
pub const APP_ID: &str = "org.alliancetimeline.AllianceTimeline";
pub const DESKTOP_ENTRY: &str =
    include_str!("../assets/desktop/org.alliancetimeline.AllianceTimeline.desktop");
pub const METAINFO: &str =
    include_str!("../assets/desktop/org.alliancetimeline.AllianceTimeline.metainfo.xml");
pub const ICON_SVG: &str =
    include_str!("../assets/desktop/org.alliancetimeline.AllianceTimeline.svg");

/// The icon as straight (not premultiplied) RGBA pixels, `size_px` square.
pub fn icon_rgba(size_px: u32) -> Option<Vec<u8>> {
    let tree = usvg::Tree::from_str(ICON_SVG, &usvg::Options::default()).ok()?;
    let mut pixmap = Pixmap::new(size_px, size_px)?;
    let scale = size_px as f32 / tree.size().width();
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Some(
        pixmap
            .pixels()
            .iter()
            .flat_map(|pixel| {
                let color = pixel.demultiply();
                [color.red(), color.green(), color.blue(), color.alpha()]
            })
            .collect(),
    )
}

/// Where the files go under an XDG data folder (`~/.local/share` by default).
pub fn installed_paths(data_home: &Path) -> [PathBuf; 3] {
    [
        data_home
            .join("applications")
            .join(format!("{APP_ID}.desktop")),
        data_home
            .join("icons/hicolor/scalable/apps")
            .join(format!("{APP_ID}.svg")),
        data_home
            .join("metainfo")
            .join(format!("{APP_ID}.metainfo.xml")),
    ]
}

/// The user's XDG data folder: `$XDG_DATA_HOME` when it is an absolute path, else
/// `~/.local/share`.
pub fn data_home() -> Option<PathBuf> {
    let from_env = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute());
    from_env.or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
            .map(|home| home.join(".local/share"))
    })
}

/// The desktop entry with `Exec` and `TryExec` naming `program` (quoted as the Desktop Entry
/// Specification asks when it holds spaces or reserved characters).
pub fn entry_for(program: &Path) -> String {
    let path = program.to_string_lossy();
    let needs_quotes = path
        .chars()
        .any(|c| c.is_whitespace() || "\"'\\><~|&;$*?#()`".contains(c));
    let exec = if needs_quotes {
        let escaped: String = path
            .chars()
            .flat_map(|c| match c {
                '"' | '`' | '$' | '\\' => vec!['\\', c],
                _ => vec![c],
            })
            .collect();
        // In the file, a backslash itself is written twice.
        format!("\"{}\"", escaped.replace('\\', "\\\\"))
    } else {
        path.into_owned()
    };
    DESKTOP_ENTRY
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                format!("Exec={exec} %f")
            } else if line.starts_with("TryExec=") {
                format!("TryExec={}", program.to_string_lossy())
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Writes the entry (running `program`), the icon and the metainfo under `data_home`;
/// returns what was written.
pub fn install(data_home: &Path, program: &Path) -> Result<Vec<PathBuf>, FileError> {
    let [entry, icon, metainfo] = installed_paths(data_home);
    let contents = [
        (entry, entry_for(program)),
        (icon, ICON_SVG.to_owned()),
        (metainfo, METAINFO.to_owned()),
    ];
    let mut written = Vec::new();
    for (path, text) in contents {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| FileError::writing(&path, &error))?;
        }
        write_atomically(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Removes what [`install`] wrote under `data_home`; returns what was there and is gone.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, FileError> {
    let mut removed = Vec::new();
    for path in installed_paths(data_home) {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(FileError::writing(&path, &error)),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_renders_opaque_in_the_middle_and_clear_at_the_corners() {
        let pixels = icon_rgba(64).expect("the icon renders");
        assert_eq!(pixels.len(), 64 * 64 * 4);
        let alpha = |x: usize, y: usize| pixels[(y * 64 + x) * 4 + 3];
        assert_eq!(alpha(32, 32), 255);
        assert_eq!(alpha(0, 0), 0);
    }

    #[test]
    fn the_entry_runs_the_program_it_was_installed_for() {
        let plain = entry_for(Path::new("/usr/local/bin/alliance-timeline"));
        assert!(plain.contains("\nExec=/usr/local/bin/alliance-timeline %f\n"));
        assert!(plain.contains("\nTryExec=/usr/local/bin/alliance-timeline\n"));
        let spaced = entry_for(Path::new("/home/a b/bin/alliance-timeline"));
        assert!(
            spaced.contains("\nExec=\"/home/a b/bin/alliance-timeline\" %f\n"),
            "{spaced}"
        );
        assert!(plain.contains(&format!("Icon={APP_ID}")));
    }

    #[test]
    fn install_writes_three_files_and_uninstall_takes_them_away() {
        let folder = tempfile::tempdir().expect("temp dir");
        let written =
            install(folder.path(), Path::new("/opt/at/alliance-timeline")).expect("installed");
        assert_eq!(written.len(), 3);
        assert!(written.iter().all(|path| path.is_file()));
        let entry = std::fs::read_to_string(&written[0]).expect("entry");
        assert!(entry.contains("Exec=/opt/at/alliance-timeline %f"));
        assert_eq!(uninstall(folder.path()).expect("removed"), written);
        assert!(written.iter().all(|path| !path.exists()));
        assert_eq!(
            uninstall(folder.path()).expect("nothing left"),
            Vec::<PathBuf>::new()
        );
    }
}
