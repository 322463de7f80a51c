#ifndef ANCHORAGE_FUZZER_DRIVER_H
#define ANCHORAGE_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (its command line, corpus handling and mutation loop) on one test function.
int anchorage_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
