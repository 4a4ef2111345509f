#include "ckernel.h"
#include <math.h>

static inline double cdf(double x) { return 0.5 * erfc(-x * 0.7071067811865476); }

double ck_bsm_book(int count, const int *is_call, const double *strike, const double *time, const double *vol,
                   double spot, double rate, double dividend) {
    double sum = 0.0;
    for (int i = 0; i < count; i++) {
        const double t = time[i], k = strike[i], v = vol[i];
        const double sqrt_t = sqrt(t);
        const double s = v * sqrt_t;
        const double d1 = (log(spot / k) + (rate - dividend) * t) / s + 0.5 * s;
        const double d2 = d1 - s;
        const double dq = exp(-dividend * t);
        const double dr = exp(-rate * t);
        const double density = 0.3989422804014327 * exp(-0.5 * d1 * d1);
        const double sign = is_call[i] ? 1.0 : -1.0;
        const double n1 = cdf(sign * d1);
        const double n2 = cdf(sign * d2);
        const double price = sign * (spot * dq * n1 - k * dr * n2);
        const double delta = sign * dq * n1;
        const double gamma = dq * density / (spot * s);
        const double vega = spot * dq * density * sqrt_t;
        const double theta = -spot * dq * density * v / (2 * sqrt_t) + sign * (dividend * spot * dq * n1 - rate * k * dr * n2);
        const double rho = sign * k * t * dr * n2;
        sum += price + delta + gamma + vega + theta + rho;
    }
    return sum;
}
