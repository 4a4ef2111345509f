#ifndef VIXSHIELD_CKERNEL_H
#define VIXSHIELD_CKERNEL_H

/// The C reference of issue 14: Black-Scholes-Merton price and the five greeks written the
/// textbook way (log, erfc-based normal CDF, exp), compiled with -O2, so the benchmark measures
/// QuantCore against it in the same run instead of quoting a ratio.
/// `is_call[i]` is 1 for a call, 0 for a put. Returns the sum of price + delta + gamma + vega +
/// theta + rho over the book (so the compiler cannot drop the work).
double ck_bsm_book(int count, const int *is_call, const double *strike, const double *time, const double *vol,
                   double spot, double rate, double dividend);

#endif
