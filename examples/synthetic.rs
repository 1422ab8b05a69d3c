//! Writes a synthetic timeline: `cargo run --release --example synthetic -- EVENTS ACTORS OUT.ron`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(events), Some(actors), Some(out)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: synthetic EVENTS ACTORS OUT.ron");
        return ExitCode::from(2);
    };
    let text = alliance_timeline::synthetic::timeline_ron(events, actors, 1);
    match alliance_timeline::files::write_atomically(std::path::Path::new(out), text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}
