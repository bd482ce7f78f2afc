//! The `clausescan` command line. (Stub: being written.)

fn main() {
    eprintln!("clausescan: not implemented yet");
    std::process::exit(2);
}
