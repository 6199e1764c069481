// Nothing to compile: the module only declares libFuzzer's LLVMFuzzerRunDriver (include/FuzzDriver.h).
#include "FuzzDriver.h"
