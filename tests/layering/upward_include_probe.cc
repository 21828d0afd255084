// Compiled by tests/layering as if it were part of the fields stage (linked
// to lede_fields only): the include of a later stage must not be found.
#include "fields/dates.h"
#ifdef LEDE_PROBE_UPWARD
#include "analysis/quotes.h"
#endif
int lede_layering_probe() { return 0; }
