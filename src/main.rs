/// Python objects are many small, short-lived allocations: see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(py2vm::cli::main());
}
