//! `alliance-timeline install-desktop [--uninstall]`: the desktop entry, icon and AppStream
//! metainfo into the user's XDG folders (`~/.local/share`), so the application menu lists the
//! app; `--uninstall` takes them out again.

use std::process::ExitCode;

use clap::Args;

use super::EXIT_USAGE_OR_IO;
use crate::desktop;

#[derive(Debug, Args)]
pub struct InstallDesktopArgs {
    /// Remove the entry, icon and metainfo instead.
    #[arg(long)]
    pub uninstall: bool,
}

pub fn run(args: &InstallDesktopArgs) -> ExitCode {
    let Some(data_home) = desktop::data_home() else {
        eprintln!("alliance-timeline install-desktop: neither XDG_DATA_HOME nor HOME is set");
        return ExitCode::from(EXIT_USAGE_OR_IO);
    };
    let outcome = if args.uninstall {
        desktop::uninstall(&data_home).map(|removed| ("removed", removed))
    } else {
        let program = match std::env::current_exe().and_then(|path| path.canonicalize()) {
            Ok(program) => program,
            Err(error) => {
                eprintln!(
                    "alliance-timeline install-desktop: cannot tell where this program is: {error}"
                );
                return ExitCode::from(EXIT_USAGE_OR_IO);
            }
        };
        desktop::install(&data_home, &program).map(|written| ("written", written))
    };
    match outcome {
        Ok((done, paths)) => {
            for path in &paths {
                println!("{}: {done}", path.display());
            }
            if paths.is_empty() {
                println!("{}: nothing to remove", data_home.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("alliance-timeline install-desktop: {error}");
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}
