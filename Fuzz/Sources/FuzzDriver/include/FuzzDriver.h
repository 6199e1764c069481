// libFuzzer's entry for programs that have their own main (LLVM >= 12, compiler-rt's FuzzerDriver.cpp).
// SwiftPM renames an executable's entry point and points `main` at it, so libFuzzer's own main can
// never be the program's: each fuzz target's top-level code calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
