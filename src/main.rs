fn main() {
    std::process::exit(py2vm::cli::main());
}
