//! When something panics: a crash report (message, place, backtrace, version) is written to a
//! file, and the window shows where instead of vanishing. No input should ever get here.

use std::path::PathBuf;
use std::sync::Mutex;

/// The report of the last panic, for the window to show.
static LAST_REPORT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Installs the hook that writes a report for every panic (then runs the default hook too).
pub fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        let report = format!(
            "Alliance Timeline {} crashed.\n\n{info}\n\nBacktrace:\n{backtrace}\n",
            env!("CARGO_PKG_VERSION")
        );
        if let Some(path) = write_report(&report)
            && let Ok(mut last) = LAST_REPORT.lock()
        {
            eprintln!("A crash report was written to {}", path.display());
            *last = Some(path);
        }
        default_hook(info);
    }));
}

/// Where the last crash report was written, if any panic happened.
pub fn last_report() -> Option<PathBuf> {
    LAST_REPORT.lock().ok().and_then(|last| last.clone())
}

/// Writes the report to the user's state folder (or the temporary folder).
fn write_report(report: &str) -> Option<PathBuf> {
    let folder = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")))
        .map(|state| state.join("alliance-timeline"))
        .filter(|folder| crate::files::create_folders(folder).is_ok())
        .unwrap_or_else(std::env::temp_dir);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let path = folder.join(format!("crash-{stamp}.txt"));
    crate::files::write_atomically(&path, report.as_bytes()).ok()?;
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_leaves_a_report_naming_its_place() {
        let folder = tempfile::tempdir().expect("temp dir");
        // SAFETY: no other test of this binary reads or writes XDG_STATE_HOME.
        unsafe { std::env::set_var("XDG_STATE_HOME", folder.path()) };
        install_panic_hook();
        let outcome = std::panic::catch_unwind(|| panic!("deliberate test panic"));
        assert!(outcome.is_err());
        let report = last_report().expect("a report path");
        assert!(report.starts_with(folder.path()));
        let text = std::fs::read_to_string(report).expect("report readable");
        assert!(text.contains("deliberate test panic"));
        assert!(text.contains("src/crash.rs"));
        let _ = std::panic::take_hook();
    }
}
