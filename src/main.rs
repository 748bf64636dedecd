/// Python objects are many small, short-lived allocations: see `alloc`.
#[global_allocator]
static ALLOCATOR: py2vm::alloc::PyAllocator = py2vm::alloc::PyAllocator;

fn main() {
    std::process::exit(py2vm::cli::main());
}
