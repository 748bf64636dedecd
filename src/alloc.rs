//! The `py2vm` binary's memory allocator: mimalloc, behind a small
//! last-in-first-out cache of freed blocks per size class.
//!
//! Python programs make and drop small objects all the time. CPython gives
//! them its own small-object allocator, whose free lists hand the block
//! freed last to the next object of its size: `id(A()) == id(A())` is True,
//! and so is `repr(A()) == repr(A())` for the default repr, and programs do
//! print such things. mimalloc is much faster than glibc malloc for this
//! load but reuses a freed block only after the rest of its page, so the
//! cache in front gives back the LIFO reuse (and is cheaper still: a
//! thread-local array, no atomics).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

use mimalloc::MiMalloc;

/// Blocks up to `CLASSES * GRANULE` bytes are cached, by size rounded up
/// to the granule.
const GRANULE: usize = 16;
const CLASSES: usize = 16;
/// Freed blocks kept per class (as glibc's tcache, which CPython-like reuse
/// came from before).
const DEPTH: usize = 8;

struct Stack {
    len: usize,
    blocks: [*mut u8; DEPTH],
}

thread_local! {
    // Const-initialised and without a destructor: a plain thread-local
    // static, safe to touch from inside the allocator.
    static CACHE: UnsafeCell<[Stack; CLASSES]> = const {
        UnsafeCell::new([const { Stack { len: 0, blocks: [null_mut(); DEPTH] } }; CLASSES])
    };
}

/// The size class of a layout the cache serves (every block of a class is
/// allocated at the class's full size, so any request of the class fits).
#[inline(always)]
fn class_of(size: usize, align: usize) -> Option<usize> {
    (size <= CLASSES * GRANULE && align <= GRANULE && size > 0).then(|| size.div_ceil(GRANULE) - 1)
}

#[inline(always)]
fn class_layout(class: usize) -> Layout {
    // SAFETY: a non-zero multiple of 16 with alignment 16 is a valid layout.
    unsafe { Layout::from_size_align_unchecked((class + 1) * GRANULE, GRANULE) }
}

/// mimalloc with a per-thread LIFO cache of small freed blocks.
pub struct PyAllocator;

// SAFETY: every block handed out comes from mimalloc, at least as large and
// as aligned as asked (class blocks are allocated at the class's full size
// and alignment 16); a cached block is live in mimalloc's eyes and is handed
// out once, to the thread that cached it.
unsafe impl GlobalAlloc for PyAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout.size(), layout.align()) else {
            return MiMalloc.alloc(layout);
        };
        let cached = CACHE
            .try_with(|cache| {
                let stack = &mut (*cache.get())[class];
                if stack.len == 0 {
                    return null_mut();
                }
                stack.len -= 1;
                stack.blocks[stack.len]
            })
            .unwrap_or(null_mut());
        if cached.is_null() {
            MiMalloc.alloc(class_layout(class))
        } else {
            cached
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class_of(layout.size(), layout.align()) else {
            return MiMalloc.dealloc(ptr, layout);
        };
        let kept = CACHE
            .try_with(|cache| {
                let stack = &mut (*cache.get())[class];
                if stack.len == DEPTH {
                    return false;
                }
                stack.blocks[stack.len] = ptr;
                stack.len += 1;
                true
            })
            .unwrap_or(false);
        if !kept {
            MiMalloc.dealloc(ptr, class_layout(class));
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old_class = class_of(layout.size(), layout.align());
        let new_class = class_of(new_size, layout.align());
        if old_class.is_some() && old_class == new_class {
            return ptr;
        }
        let old_layout = old_class.map_or(layout, class_layout);
        let new_size = new_class.map_or(new_size, |c| class_layout(c).size());
        MiMalloc.realloc(ptr, old_layout, new_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_block_is_the_next_of_its_class() {
        let a = PyAllocator;
        unsafe {
            let l40 = Layout::from_size_align(40, 8).unwrap();
            let l48 = Layout::from_size_align(48, 8).unwrap();
            let p = a.alloc(l40);
            a.dealloc(p, l40);
            // 48 bytes is the same class (33..=48): the same block comes back.
            let q = a.alloc(l48);
            assert_eq!(p, q);
            a.dealloc(q, l48);
            let big = Layout::from_size_align(1000, 8).unwrap();
            let r = a.alloc(big);
            assert_ne!(r, p);
            a.dealloc(r, big);
        }
    }

    #[test]
    fn realloc_keeps_contents_across_classes() {
        let a = PyAllocator;
        unsafe {
            let mut layout = Layout::from_size_align(8, 8).unwrap();
            let mut p = a.alloc(layout);
            *p = 7;
            for size in [16, 24, 100, 256, 257, 4000, 200, 10] {
                p = a.realloc(p, layout, size);
                assert_eq!(*p, 7, "after realloc to {size}");
                *p.add(size - 1) = 1;
                layout = Layout::from_size_align(size, 8).unwrap();
            }
            a.dealloc(p, layout);
        }
    }

    #[test]
    fn overaligned_and_large_requests_bypass_the_cache() {
        assert_eq!(class_of(16, 32), None);
        assert_eq!(class_of(257, 8), None);
        assert_eq!(class_of(0, 1), None);
        assert_eq!(class_of(1, 1), Some(0));
        assert_eq!(class_of(256, 16), Some(15));
    }
}
