//! Checks the benchmark fixtures against the seeded builder, or rewrites them with
//! `--regenerate`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let regenerate = std::env::args().skip(1).any(|a| a == "--regenerate");
    if regenerate {
        return match coupa_benches::fixture::regenerate() {
            Ok((xml, json)) => {
                println!("wrote {} and {}", xml.display(), json.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot write the fixtures: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match coupa_benches::fixture::check() {
        Ok(()) => {
            println!("the fixtures are the builder's output");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}; run with --regenerate");
            ExitCode::FAILURE
        }
    }
}
