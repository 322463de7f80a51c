#include "FuzzerDriver.h"

// Provided by libFuzzer (linked by -sanitize=fuzzer); its own main is not used, since the Swift target has one.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

int anchorage_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(&argc, &argv, test);
}
