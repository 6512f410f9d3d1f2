#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (libclang_rt.fuzzer_no_main, linked by run.sh): runs the fuzzing loop with
/// `callback` as the target. Each fuzz target's `@main` calls it with the process arguments.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer with `callback` as the target and the process arguments (what each fuzz
/// target's `@main` does); returns libFuzzer's exit status.
int subsidy_fuzz_main(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
