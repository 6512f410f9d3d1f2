#ifndef SUBSIDY_CYAML_SHIM_H
#define SUBSIDY_CYAML_SHIM_H
#include <yaml.h>
#endif
