// blis.h defines _POSIX_C_SOURCE, which hides glibc's BSD fields (struct tm's tm_gmtoff) from
// this module and clashes with the same types in Glibc's; _DEFAULT_SOURCE keeps them. Its
// CBLAS declarations clash with OpenBLAS's (CBLAS): the benchmark needs only bli_sgemm.
#define _DEFAULT_SOURCE 1
#define BLIS_DISABLE_CBLAS 1
#include <blis.h>
