#!/usr/bin/env python3
"""VixShield: fits of the VIX complex fallbacks on real Cboe data.

Usage:  python3 vix_complex_fit.py [DATA_DIR]
        DATA_DIR defaults to ../../../shared/data relative to this script.

Deterministic (no random numbers; all optimisers start from fixed grids).
Prints every result; RESULTS.md in this folder summarises a run.

Units: VIX, VX settlements, option prices in VIX points; VVIX in index points
(annualised vol of VIX in percent); tau / T in years = calendar days / 365;
rates r = DFF / 100 (continuous compounding assumed for e^{rT}).

Tasks
 1. VX futures fallback  F(tau) = theta + (VIX - theta) exp(-kappa tau)
 2. VVIX fallback        log VVIX = OLS on log VIX, log(VIX/SMA_n), (log VIX)^2
 3. VIX option smile     Black-76 on F_T with an SSVI slice (Gatheral-Jacquier 2014,
                         "Arbitrage-free SVI volatility surfaces", power-law phi with
                         gamma=1/2), scale s calibrated daily to VVIX with the Cboe
                         VIX white-paper methodology applied to VIX options.
"""
import csv
import math
import os
import sys
from datetime import date, timedelta

import numpy as np
from scipy.optimize import least_squares, minimize
from scipy.special import ndtr

np.set_printoptions(suppress=True, linewidth=140)

FIT1 = (date(2007, 1, 1), date(2013, 12, 31))   # tasks 1, 2 in-sample
OOS1 = (date(2014, 1, 1), date(2016, 12, 30))   # tasks 1, 2 out-of-sample
FIT3 = (date(2007, 1, 1), date(2011, 12, 31))   # task 3 in-sample
OOS3 = (date(2012, 1, 1), date(2013, 12, 31))   # task 3 out-of-sample
NEW_VX_SCALE = date(2007, 3, 26)                # VX settlements before this are x10
D30 = 30.0 / 365.0
# Near-term rule for the model VVIX: "brief" = always interpolate/extrapolate VX1 & VX2
# (only VX2 on the VX1 expiry day); "roll7" = sensitivity run, Cboe-like roll: when VX1
# has < 7 days the 30-day variance is VX2's alone (no 3rd listed future here).
NEAR_RULE = {"rule": "brief"}


def pdate(s):
    s = s.strip()
    if "/" in s:                         # Cboe MM/DD/YYYY
        m, d, y = s.split("/")
        return date(int(y), int(m), int(d))
    return date.fromisoformat(s[:10])


def fnum(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return float("nan")


def inside(d, rng):
    return rng[0] <= d <= rng[1]


# --------------------------------------------------------------------------- data
class Data:
    def __init__(self, root):
        self.root = root
        rd = lambda p: list(csv.DictReader(open(os.path.join(root, p), newline="")))
        self.sessions = sorted(pdate(r["session"]) for r in rd("calendar/nyse_sessions_1990-2026.csv"))
        self.sset = set(self.sessions)
        # VIX closes, only on NYSE sessions (the file has Cboe-holiday rows from 2022 on)
        self.vix = {}
        for r in rd("market/vix_cboe_1990-2026.csv"):
            d = pdate(r["DATE"])
            c = fnum(r["CLOSE"])
            if d in self.sset and c > 0:
                self.vix[d] = c
        self.vix_dates = sorted(self.vix)
        self.vix_arr = np.array([self.vix[d] for d in self.vix_dates])
        self.vix_idx = {d: i for i, d in enumerate(self.vix_dates)}
        # VVIX: from 2007 on only (2006 has implausible values, README)
        self.vvix = {}
        for r in rd("market/vvix_2006-2016.csv"):
            d = pdate(r["DATE"])
            v = fnum(r["VVIX"])
            if d >= date(2007, 1, 1) and v > 0:
                self.vvix[d] = v
        self.dff = {pdate(r["observation_date"]): fnum(r["DFF"]) for r in rd("rates/DFF_2026.csv")}
        self.expiries = self._vix_expiries(2004, 2018)
        self.exp_set = set(self.expiries)
        self.vx = {1: {}, 2: {}}         # date -> (expiry, settle)
        self.roll_check = {}
        for n in (1, 2):
            for r in rd(f"futures/CHRIS-CBOE_VX{n}_2005-2016.csv"):
                d = pdate(r["Trade Date"])
                s = fnum(r["Settle"])
                if d < NEW_VX_SCALE or not (s > 0):
                    continue
                self.vx[n][d] = (self.contract(d, n), s)

    # ---- calendar
    def prev_session(self, d):
        while d not in self.sset:
            d -= timedelta(days=1)
        return d

    def _vix_expiries(self, y0, y1):
        """Wednesday 30 calendar days before the 3rd Friday of the following month
        (Cboe VX/VIX option rule); holiday Friday -> preceding session; holiday
        Wednesday -> preceding session."""
        out = []
        for y in range(y0, y1 + 1):
            for m in range(1, 13):
                ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
                first = date(ny, nm, 1)
                fri = first + timedelta(days=(4 - first.weekday()) % 7 + 14)
                fri = self.prev_session(fri)
                out.append(self.prev_session(fri - timedelta(days=30)))
        return sorted(out)

    def contract(self, d, n):
        """expiry of the n-th contract on day d: smallest expiry >= d is VX1."""
        i = next(i for i, e in enumerate(self.expiries) if e >= d)
        return self.expiries[i + n - 1]

    def rate(self, d):
        for k in range(10):
            v = self.dff.get(d - timedelta(days=k))
            if v is not None and v == v:
                return v / 100.0
        return 0.0

    def sma(self, d, n):
        """trailing mean of the n VIX closes up to and including d."""
        i = self.vix_idx[d]
        if i + 1 < n:
            return float("nan")
        return float(self.vix_arr[i + 1 - n:i + 1].mean())


def err_stats(model, real):
    e = np.asarray(model) - np.asarray(real)
    return dict(n=len(e), medae=float(np.median(np.abs(e))), bias=float(np.mean(e)),
                rmse=float(np.sqrt(np.mean(e ** 2))))


def fmt(st):
    return f"n={st['n']:5d}  medAE={st['medae']:.3f}  bias={st['bias']:+.3f}  RMSE={st['rmse']:.3f}"


# --------------------------------------------------------------------------- task 1
def task1(D):
    print("=" * 100)
    print("TASK 1  VX futures fallback  F(tau) = theta + (VIX - theta) exp(-kappa tau)")
    # sanity check of the contract mapping: on the session after an expiry, VX1 should be
    # close to the previous day's VX2 (the continuous series rolls the day after expiry)
    jumps = []
    ds = sorted(D.vx[1])
    for a, b in zip(ds[:-1], ds[1:]):
        if D.vx[1][a][0] != D.vx[1][b][0] and a in D.vx[2]:
            jumps.append(abs(D.vx[1][b][1] - D.vx[2][a][1]))
    print(f"roll check: {len(jumps)} rolls, median |VX1(after) - VX2(before)| = {np.median(jumps):.3f} pts")
    rows = []   # (date, n, tau, vix, ma252, settle)
    for n in (1, 2):
        for d, (e, s) in D.vx[n].items():
            if d not in D.vix:
                continue
            rows.append((d, n, (e - d).days / 365.0, D.vix[d], D.sma(d, 252), D.sma(d, 21), s))
    rows.sort()
    dts = [r[0] for r in rows]
    A = np.array([r[1:] for r in rows], dtype=float)
    nn, tau, vix, ma252, ma21, y = A.T
    ins = np.array([inside(d, FIT1) for d in dts])
    oos = np.array([inside(d, OOS1) for d in dts])

    def m_const(p, sl):
        th, ka = p
        return th + (vix[sl] - th) * np.exp(-ka * tau[sl])

    def m_ma(p, sl):                      # theta = a + b * MA252
        a, b, ka = p
        th = a + b * ma252[sl]
        return th + (vix[sl] - th) * np.exp(-ka * tau[sl])

    def m_ma_k(p, sl):                    # + kappa = exp(c0 + c1 ln(VIX/MA252))
        a, b, c0, c1 = p
        th = a + b * ma252[sl]
        ka = np.exp(c0 + c1 * np.log(vix[sl] / ma252[sl]))
        return th + (vix[sl] - th) * np.exp(-ka * tau[sl])

    variants = [("A const theta,kappa", m_const, [20.0, 4.0]),
                ("B theta=a+b*MA252(VIX)", m_ma, [5.0, 0.8, 4.0]),
                ("C B + kappa=exp(c0+c1*ln(VIX/MA252))", m_ma_k, [5.0, 0.8, 1.4, 0.0])]
    res = {}
    for name, f, p0 in variants:
        fit = least_squares(lambda p: f(p, ins) - y[ins], p0, method="lm")
        p = fit.x
        si = err_stats(f(p, ins), y[ins])
        so = err_stats(f(p, oos), y[oos])
        res[name] = (p, si, so)
        print(f"\n{name}: params = {np.array2string(p, precision=5)}")
        print(f"   in-sample 2007-03-26..2013 : {fmt(si)}")
        print(f"   OOS       2014..2016       : {fmt(so)}")
        for k in (1, 2):
            sel = oos & (nn == k)
            print(f"      OOS VX{k} only: {fmt(err_stats(f(p, sel), y[sel]))}")
    chosen = next((n for n, (p, si, so) in res.items() if so["medae"] <= 0.75), None)
    print(f"\nsimplest variant meeting OOS medAE <= 0.75: {chosen}")
    return res, chosen


# --------------------------------------------------------------------------- task 2
def task2(D):
    print("=" * 100)
    print("TASK 2  VVIX fallback: OLS of ln VVIX on ln VIX, ln(VIX/SMA_n), (ln VIX)^2")
    dts = [d for d in sorted(D.vvix) if d in D.vix and d >= date(2007, 1, 1)]
    lv = np.log([D.vix[d] for d in dts])
    y = np.log([D.vvix[d] for d in dts])
    lr = {n: np.log([D.vix[d] / D.sma(d, n) for d in dts]) for n in (10, 20, 50)}
    ins = np.array([inside(d, FIT1) for d in dts])
    oos = np.array([inside(d, OOS1) for d in dts])
    specs = []
    for n in (10, 20, 50):
        specs.append((f"lnVIX + ln(VIX/SMA{n})", [lv, lr[n]], [n]))
        specs.append((f"lnVIX + ln(VIX/SMA{n}) + lnVIX^2", [lv, lr[n], lv ** 2], [n]))
    specs.append(("lnVIX + ln(VIX/SMA10,20,50)", [lv, lr[10], lr[20], lr[50]], [10, 20, 50]))
    specs.append(("lnVIX only", [lv], []))
    out = {}
    for name, cols, ns in specs:
        X = np.column_stack([np.ones_like(lv)] + cols)
        b, *_ = np.linalg.lstsq(X[ins], y[ins], rcond=None)
        fi, fo = X[ins] @ b, X[oos] @ b
        k = X.shape[1]
        rss = float(np.sum((y[ins] - fi) ** 2))
        bic = ins.sum() * math.log(rss / ins.sum()) + k * math.log(ins.sum())
        r2 = 1 - rss / float(np.sum((y[ins] - y[ins].mean()) ** 2))
        ci, co = np.corrcoef(fi, y[ins])[0, 1], np.corrcoef(fo, y[oos])[0, 1]
        mi = np.median(np.abs(np.exp(fi - y[ins]) - 1))
        mo = np.median(np.abs(np.exp(fo - y[oos]) - 1))
        bo = np.median(np.exp(fo - y[oos]) - 1)
        out[name] = dict(b=b, bic=bic, r2=r2, ci=ci, co=co, mi=mi, mo=mo, bo=bo, X=X, ns=ns)
        print(f"\n{name}\n   coef [const, ...] = {np.array2string(b, precision=4)}")
        print(f"   in: R2={r2:.3f} corr={ci:.3f} medAbsRelErr={mi:.3f} BIC={bic:.1f} | "
              f"OOS: corr={co:.3f} medAbsRelErr={mo:.3f} medSignedRelErr={bo:+.3f}")
    # choice: lowest in-sample BIC (choice does not look at the OOS window)
    best = min(out, key=lambda k: out[k]["bic"])
    print(f"\nchosen by in-sample BIC: {best}")
    # simplest: the plain two-regressor SMA20 model too
    spike_days = [date(2008, 10, 10), date(2008, 11, 20), date(2010, 5, 20), date(2011, 8, 8),
                  date(2014, 10, 15), date(2015, 8, 24), date(2016, 6, 24), date(2017, 7, 14)]
    di = {d: i for i, d in enumerate(dts)}
    for name in (best, "lnVIX + ln(VIX/SMA20)"):
        b, X = out[name]["b"], out[name]["X"]
        print(f"\nspike check [{name}]  (coefficients on ln(VIX/SMA) > 0 => VVIX rises in a spike)")
        for d in spike_days:
            if d not in di:
                print(f"   {d}: not in data (VVIX file ends 2016-12-30)")
                continue
            i = di[d]
            print(f"   {d}: VIX={D.vix[d]:6.2f}  model VVIX={math.exp(X[i] @ b):7.2f}  real={D.vvix[d]:7.2f}")
        # dVVIX/dVIX sign at a jump: VIX from its SMA to 1.5x SMA with SMA fixed
        print("   sensitivity: VIX jump to 1.5x its average (average fixed) multiplies model VVIX by",
              f"{_jump_mult(b, name):.3f} at SMA=15, {_jump_mult(b, name, 25):.3f} at SMA=25")
    return out, best


def _jump_mult(b, name, base=15.0):
    def f(v):
        lv_, lr_ = math.log(v), math.log(v / base)
        if "SMA10,20,50" in name:
            x = [1, lv_, lr_, lr_, lr_]
        elif "^2" in name:
            x = [1, lv_, lr_, lv_ ** 2]
        elif "only" in name:
            x = [1, lv_]
        else:
            x = [1, lv_, lr_]
        return math.exp(float(np.dot(b, x)))
    return f(1.5 * base) / f(base)


# --------------------------------------------------------------------------- task 3
def ssvi_vol(k, T, s, rho, eta, delta, psi=None):
    """SSVI total variance slice (gamma=1/2) -> implied vol.
    th = sigma_atm(T)^2 T, sigma_atm = s (T/30d)^-delta, phi = eta/sqrt(th(1+th)).
    psi (optional extension): extra call-wing slope, w += th*psi*max(k,0)*phi (see RESULTS)."""
    sa = s * (T / D30) ** (-delta)
    th = sa * sa * T
    phi = eta / np.sqrt(th * (1.0 + th))
    pk = phi * k
    w = 0.5 * th * (1.0 + rho * pk + np.sqrt((pk + rho) ** 2 + 1.0 - rho * rho))
    if psi is not None:
        w = w + th * psi * np.maximum(pk, 0.0)
    return np.sqrt(np.maximum(w, 1e-12) / T)


def black76(F, K, T, vol, r, call):
    sd = vol * np.sqrt(T)
    d1 = (np.log(F / K) + 0.5 * sd * sd) / sd
    d2 = d1 - sd
    df = np.exp(-r * T)
    c = df * (F * ndtr(d1) - K * ndtr(d2))
    p = df * (K * ndtr(-d2) - F * ndtr(-d1))
    return np.where(call, c, p)


def strip_variance(F, T, r, Kgrid, call_fn):
    """Cboe white-paper variance for one expiry, vectorised over days.
    F,T,r: (D,) ; Kgrid: (NK,) integer strikes 1..Kmax (dK = 1);
    call_fn(K) -> model call mids (D,NK); puts by put-call parity.  Returns sigma^2 (D,)."""
    K = Kgrid[None, :]
    K0 = np.floor(F)[:, None]                       # listed strike just below F
    lo = np.maximum(1.0, np.floor(0.5 * F))[:, None]
    hi = np.ceil(4.0 * F)[:, None]
    inr = (K >= lo) & (K <= hi)
    C = call_fn(K)
    P = C - np.exp(-r * T)[:, None] * (F[:, None] - K)   # Black-76 put-call parity
    Q = np.where(K < K0, P, np.where(K > K0, C, 0.5 * (C + P)))
    ok = inr & (Q >= 0.025)
    # wing stop: a put strike counts only if every strike between it and K0 is ok
    bad_put = (~ok) & (K < K0)
    cs_put = np.cumsum(bad_put[:, ::-1], axis=1)[:, ::-1]       # bad at strikes >= K (below K0)
    bad_call = (~ok) & (K > K0)
    cs_call = np.cumsum(bad_call, axis=1)                        # bad at strikes <= K (above K0)
    use = ((K < K0) & (cs_put == 0)) | ((K > K0) & (cs_call == 0)) | (K == K0)
    contrib = np.where(use, Q / (K * K), 0.0).sum(axis=1)
    return (2.0 / T) * np.exp(r * T) * contrib - (1.0 / T) * (F / K0[:, 0] - 1.0) ** 2


def vvix_from_two(T1, v1, T2, v2):
    """Cboe 30-day interpolation (calendar days; linear extrapolation if 30d not bracketed)."""
    N1, N2, N30, N365 = T1 * 365, T2 * 365, 30.0, 365.0
    tv = (T1 * v1 * (N2 - N30) / (N2 - N1) + T2 * v2 * (N30 - N1) / (N2 - N1)) * N365 / N30
    return 100.0 * np.sqrt(np.maximum(tv, 1e-12))


class Days:
    """Per-day arrays for VVIX calibration: VX1/VX2 forwards and expiries."""

    def __init__(self, D, dts):
        self.dts = dts
        self.F1 = np.array([D.vx[1][d][1] for d in dts])
        self.F2 = np.array([D.vx[2][d][1] for d in dts])
        self.E1 = [D.vx[1][d][0] for d in dts]
        self.E2 = [D.vx[2][d][0] for d in dts]
        self.T1 = np.array([(e - d).days / 365.0 for e, d in zip(self.E1, dts)])
        self.T2 = np.array([(e - d).days / 365.0 for e, d in zip(self.E2, dts)])
        self.r = np.array([D.rate(d) for d in dts])
        self.vvix = np.array([D.vvix[d] for d in dts])
        self.vix = np.array([D.vix[d] for d in dts])
        # strike grids: sort days by forward level, chunks of 100 days share 1..ceil(4*maxF)
        fmax = np.maximum(self.F1, self.F2)
        order = np.argsort(fmax, kind="stable")
        self.chunks = []
        for c in range(0, len(order), 100):
            idx = np.sort(order[c:c + 100])
            kmax = int(np.ceil(4 * fmax[idx].max())) + 1
            self.chunks.append((idx, np.arange(1.0, kmax + 1.0)))


def model_vvix(days, s, prm):
    """model VVIX for every day in `days` (chunks of similar forward level share a strike grid)."""
    out = np.empty(len(days.dts))
    for idx, Kg in days.chunks:
        out[idx] = _model_vvix_chunk(days, idx, Kg, s[idx], prm)
    return out


def _model_vvix_chunk(days, sl, Kg, s, prm):
    rho, eta, delta, psi = prm
    var = []
    r = days.r[sl]
    for F, T in ((days.F1[sl], days.T1[sl]), (days.F2[sl], days.T2[sl])):
        Tc = np.maximum(T, 1e-6)

        def calls(K, F=F, T=Tc):
            k = np.log(K / F[:, None])
            vol = ssvi_vol(k, T[:, None], s[:, None], rho, eta, delta, psi)
            return black76(F[:, None], K, T[:, None], vol, r[:, None], True)
        var.append(strip_variance(F, Tc, r, Kg, calls))
    T1, T2 = days.T1[sl], days.T2[sl]
    v = vvix_from_two(T1, var[0], T2, var[1])
    # expiry day of VX1 (T1 = 0): the near term has expired -> VX2 alone (flat variance rate)
    vx2_only = T1 <= 0
    if NEAR_RULE["rule"] == "roll7":
        vx2_only = vx2_only | (np.round(T1 * 365) < 7)
    return np.where(vx2_only, 100 * np.sqrt(np.maximum(var[1], 1e-12)), v)


def calibrate_s(days, prm, iters=10):
    """solve model VVIX(s) = real VVIX per day: vectorised secant on (ln s, ln VVIX),
    safeguarded; VVIX is close to proportional to s so it converges in a few steps."""
    x0 = np.log(days.vvix / 100.0)
    f0 = np.log(model_vvix(days, np.exp(x0), prm)) - np.log(days.vvix)
    x1 = x0 - f0
    for _ in range(iters):
        f1 = np.log(model_vvix(days, np.exp(x1), prm)) - np.log(days.vvix)
        den = f1 - f0
        slope = np.where(np.abs(den) > 1e-12, den / np.where(np.abs(den) > 1e-12, x1 - x0, 1.0), 1.0)
        slope = np.clip(np.where(np.abs(x1 - x0) > 1e-14, slope, 1.0), 0.2, 5.0)
        x0, f0 = x1, f1
        x1 = x1 - f1 / slope
        if np.max(np.abs(f1)) < 1e-7:
            break
    return np.exp(x1)


def load_vxth(D, cal_dates, literal_bid_rule=False):
    """Real one-month ~30-delta VIX calls held by Cboe VXTH.
    Skipped: strike 0, mid 0, a real zero bid (bid 0 with ask > 0), expiry not a computed
    VIX expiry (README defects), before 2007-03-26, no VVIX, no VX settle for the expiry.
    Rows with bid = ask = 0 (2006..mid-2011: bid/ask not recorded in Cboe's file, mid given)
    are KEPT unless literal_bid_rule (then every bid-0 row is skipped)."""
    rows = []
    for r in csv.DictReader(open(os.path.join(D.root, "options/vxth_2006-2013.csv"))):
        d = pdate(r["date"])
        K, bid, ask, mid = (fnum(r[c]) for c in ("strike", "call_bid", "call_ask", "call_mid"))
        try:
            E = pdate(r["expiration"])
        except ValueError:
            continue
        if d < NEW_VX_SCALE or not (K > 0) or not (mid > 0) or E not in D.exp_set:
            continue
        if literal_bid_rule and not (bid > 0):
            continue
        if (not bid > 0) and ask > 0:
            continue
        if d not in cal_dates:
            continue
        if D.vx[1][d][0] == E:
            F, j = D.vx[1][d][1], 1
        elif D.vx[2][d][0] == E:
            F, j = D.vx[2][d][1], 2
        else:
            continue
        if (E - d).days <= 0:
            continue
        rows.append((d, E, K, mid, F, j))
    return rows


def task3(D):
    print("=" * 100)
    print("TASK 3  VIX option smile: Black-76 + SSVI slice, s calibrated to VVIX (Cboe method)")
    cal = [d for d in sorted(D.vvix) if d in D.vx[1] and d in D.vx[2] and d in D.vix
           and NEW_VX_SCALE <= d <= OOS1[1]]
    calset = set(cal)
    rows_all = load_vxth(D, calset)
    rows_lit = load_vxth(D, calset, literal_bid_rule=True)
    print(f"VXTH rows used: {len(rows_all)} (bid=ask=0 'mid-only' rows kept); "
          f"literal 'skip bid 0' rule leaves {len(rows_lit)}")

    def build(rows):
        dts = [r[0] for r in rows]
        days = Days(D, dts)
        T = np.array([(r[1] - r[0]).days / 365.0 for r in rows])
        K = np.array([r[2] for r in rows])
        mid = np.array([r[3] for r in rows])
        F = np.array([r[4] for r in rows])
        ins = np.array([inside(d, FIT3) for d in dts])
        oos = np.array([inside(d, OOS3) for d in dts])
        return days, T, K, mid, F, ins, oos

    def price_rows(pack, prm, s=None):
        days, T, K, mid, F, ins, oos = pack
        if s is None:
            s = calibrate_s(days, prm)
        vol = ssvi_vol(np.log(K / F), T, s, prm[0], prm[1], prm[2], prm[3])
        return black76(F, K, T, vol, days.r, True), s

    def stats(model, real):
        e = model / real - 1
        return float(np.median(np.abs(e))), float(np.median(e)), len(e)

    def fit(pack, with_psi, label):
        days, T, K, mid, F, ins, oos = pack
        # in-sample sub-pack for the optimiser
        idx = np.where(ins)[0]
        sub_days = Days(D, [days.dts[i] for i in idx])
        spack = (sub_days, T[idx], K[idx], mid[idx], F[idx], ins[idx], oos[idx])

        def unpack(x):
            rho = math.tanh(x[0])
            delta = 0.4999 / (1 + math.exp(-x[2]))
            emax = 2.0 / (1 + abs(rho))
            eta = emax / (1 + math.exp(-x[1]))
            psi = math.exp(x[3]) if with_psi else None
            return (rho, eta, delta, psi)

        def obj(x):
            prm = unpack(x)
            m, _ = price_rows(spack, prm)
            return float(np.median(np.abs(m / spack[3] - 1)))

        # fixed start grid (deterministic), then Nelder-Mead from the best
        best = None
        for r0 in (0.0, 0.4, 0.8):
            for e0 in (-1.0, 0.5, 2.0):
                for d0 in (-2.0, 0.0):
                    x0 = [math.atanh(r0), e0, d0] + ([math.log(0.3)] if with_psi else [])
                    v = obj(x0)
                    if best is None or v < best[0]:
                        best = (v, x0)
        resx = minimize(obj, best[1], method="Nelder-Mead",
                        options=dict(xatol=1e-3, fatol=1e-5, maxiter=250 if not with_psi else 300))
        prm = unpack(resx.x)
        m, s = price_rows(pack, prm)
        si, so = stats(m[ins], mid[ins]), stats(m[oos], mid[oos])
        print(f"\n[{label}] rho={prm[0]:.4f} eta={prm[1]:.4f} delta={prm[2]:.4f}"
              + (f" psi={prm[3]:.4f}" if prm[3] is not None else "")
              + f"  (eta(1+|rho|)={prm[1]*(1+abs(prm[0])):.3f})")
        print(f"   in-sample 2007-03-26..2011: medAbsRelErr={si[0]:.4f} medSignedErr={si[1]:+.4f} n={si[2]}")
        print(f"   OOS       2012..2013      : medAbsRelErr={so[0]:.4f} medSignedErr={so[1]:+.4f} n={so[2]}")
        e = m / mid - 1
        yrs = np.array([dd.year for dd in days.dts])
        print("   by year (medAbsRelErr / medSigned / n): " + "; ".join(
            f"{yy}: {np.median(np.abs(e[yrs == yy])):.3f}/{np.median(e[yrs == yy]):+.3f}/{(yrs == yy).sum()}"
            for yy in sorted(set(yrs))))
        near = np.array([(E - dd).days for dd, E in zip(days.dts, days.E1)])
        for lab, msk in (("VX1 < 7d", near < 7), ("VX1 >= 7d", near >= 7)):
            print(f"   days with {lab}: medAbsRelErr={np.median(np.abs(e[msk])):.3f} "
                  f"medSigned={np.median(e[msk]):+.3f} n={msk.sum()}")
        print(f"   optimiser: objective {resx.fun:.5f}, {resx.nit} iterations, start grid best {best[0]:.5f}")
        return prm, si, so

    pack = build(rows_all)
    prm, si, so = fit(pack, False, "SSVI, all usable rows")
    results = {"ssvi": (prm, si, so)}
    # literal bid rule (only 2011 in-sample)
    packL = build(rows_lit)
    if packL[5].sum() > 20:
        prmL, siL, soL = fit(packL, False, "SSVI, literal bid>0 rows only")
        results["ssvi_literal"] = (prmL, siL, soL)
    if not (so[0] <= 0.15 and abs(so[1]) <= 0.10 and si[0] <= 0.15 and abs(si[1]) <= 0.10):
        prmX, siX, soX = fit(pack, True, "SSVI + call-wing slope psi")
        results["ssvi_psi"] = (prmX, siX, soX)

    # ---- sensitivity: Cboe-like near-term roll (VX1 < 7 days -> VX2 alone)
    NEAR_RULE["rule"] = "roll7"
    results["ssvi_roll7"] = fit(pack, False, "SSVI, sensitivity: near-term roll rule VX1<7d -> VX2 only")
    NEAR_RULE["rule"] = "brief"

    # ---- calibrated s across 2007-03-26..2016 with the SSVI fit
    days = Days(D, cal)
    s_all = calibrate_s(days, prm)
    chk = model_vvix(days, s_all, prm)
    print(f"\ncalibration of s on {len(cal)} days: max |model VVIX - real| = {np.max(np.abs(chk-days.vvix)):.4f}")
    calm, stress = days.vix < 15, days.vix > 30
    print(f"median s: calm (VIX<15, n={calm.sum()}) = {np.median(s_all[calm]):.4f}; "
          f"stress (VIX>30, n={stress.sum()}) = {np.median(s_all[stress]):.4f}; all = {np.median(s_all):.4f}")
    for d in (date(2008, 10, 10), date(2010, 5, 20), date(2011, 8, 8), date(2015, 8, 24)):
        if d in calset:
            i = cal.index(d)
            print(f"   s on {d} = {s_all[i]:.4f}  (VIX {days.vix[i]:.2f}, VVIX {days.vvix[i]:.2f}, "
                  f"VX1 {days.F1[i]:.3f}, VX2 {days.F2[i]:.3f})")
    results["s"] = dict(calm=float(np.median(s_all[calm])), stress=float(np.median(s_all[stress])),
                        all=float(np.median(s_all)),
                        d081010=float(s_all[cal.index(date(2008, 10, 10))]),
                        d150824=float(s_all[cal.index(date(2015, 8, 24))]))
    results["chain"] = chain_check(D, prm, cal)
    if "ssvi_psi" in results:
        print("\n-- chain check with the psi extension --")
        results["chain_psi"] = chain_check(D, results["ssvi_psi"][0], cal)
    return results


def chain_check(D, prm, cal):
    d = date(2016, 6, 1)
    print(f"\nReal Cboe chain {d} (bid_1545/ask_1545 mids):")
    rows = list(csv.DictReader(open(os.path.join(D.root, "options/UnderlyingOptionsEODCalcs_2016-06-01_VIX.csv"), newline="")))
    days = Days(D, [d])
    s = calibrate_s(days, prm)
    r = D.rate(d)
    print(f"   VVIX real {D.vvix[d]:.2f}; calibrated s = {s[0]:.4f}; VX1 {days.E1[0]} {days.F1[0]}, VX2 {days.E2[0]} {days.F2[0]}")
    by = {}
    for x in rows:
        E = pdate(x["expiration"])
        by.setdefault(E, []).append(x)
    monthly = [E for E in sorted(by) if E in D.exp_set and E > d]
    listed = [E for E in sorted(by) if E > d]
    fwd = {}
    for E in by:
        ip = fnum(by[E][0]["implied_underlying_price_1545"])
        fwd[E] = ip
    res = {}
    for label, exps in (("monthly 1st-3rd", monthly[:3]), ("listed 1st-3rd (incl. weeklies)", listed[:3])):
        errs = []
        for E in exps:
            T = (E - d).days / 365.0
            if E == days.E1[0]:
                F, src = days.F1[0], "VX1 settle"
            elif E == days.E2[0]:
                F, src = days.F2[0], "VX2 settle"
            else:
                F, src = fwd[E], "chain implied fwd"
            e_here = []
            for x in by[E]:
                bid, ask, dl = fnum(x["bid_1545"]), fnum(x["ask_1545"]), fnum(x["delta_1545"])
                if x["option_type"] != "C" or not (bid > 0) or not (0.15 <= dl <= 0.5):
                    continue
                K = fnum(x["strike"])
                vol = ssvi_vol(math.log(K / F), T, s[0], prm[0], prm[1], prm[2], prm[3])
                m = float(black76(F, K, T, vol, r, True))
                e_here.append(m / (0.5 * (bid + ask)) - 1)
            errs += e_here
            print(f"   {label}: {E} T={T*365:.0f}d F={F:.3f} ({src}) n={len(e_here)} "
                  f"medAbsRelErr={np.median(np.abs(e_here)) if e_here else float('nan'):.3f} "
                  f"medSigned={np.median(e_here) if e_here else float('nan'):+.3f}")
        errs = np.array(errs)
        res[label] = (float(np.median(np.abs(errs))), float(np.median(errs)), len(errs))
        print(f"   => {label}: calls delta 0.15-0.5 medAbsRelErr={res[label][0]:.4f} "
              f"medSigned={res[label][1]:+.4f} n={res[label][2]}")
    # VVIX over the REAL chain mids (Cboe method; monthly expiries bracketing 30 days)
    near, nxt = monthly[0], monthly[1]
    out = {}
    for fsrc in ("VX settle", "chain implied fwd"):
        vs, Ts = [], []
        for E, Fvx in ((near, days.F1[0]), (nxt, days.F2[0])):
            F = Fvx if fsrc == "VX settle" else fwd[E]
            T = (E - d).days / 365.0
            strikes = sorted({fnum(x["strike"]) for x in by[E]})
            q = {(fnum(x["strike"]), x["option_type"]): (fnum(x["bid_1545"]), fnum(x["ask_1545"])) for x in by[E]}
            K0 = max(k for k in strikes if k <= F)
            sel = {}
            # puts below K0 going down, calls above going up; skip zero bids, stop after two
            # consecutive zero bids (Cboe white paper)
            for side, seq in (("P", [k for k in reversed(strikes) if k < K0]), ("C", [k for k in strikes if k > K0])):
                zeros = 0
                for k in seq:
                    b, a = q.get((k, side), (0, 0))
                    if not b > 0:
                        zeros += 1
                        if zeros >= 2:
                            break
                        continue
                    zeros = 0
                    sel[k] = 0.5 * (b + a)
            bc, ac = q[(K0, "C")]
            bp, ap = q[(K0, "P")]
            sel[K0] = 0.5 * (0.5 * (bc + ac) + 0.5 * (bp + ap))
            ks = sorted(sel)
            tot = 0.0
            for i, k in enumerate(ks):
                if i == 0:
                    dk = ks[1] - ks[0]
                elif i == len(ks) - 1:
                    dk = ks[-1] - ks[-2]
                else:
                    dk = 0.5 * (ks[i + 1] - ks[i - 1])
                tot += dk / k ** 2 * math.exp(r * T) * sel[k]
            var = 2.0 / T * tot - 1.0 / T * (F / K0 - 1) ** 2
            vs.append(var)
            Ts.append(T)
        v = float(vvix_from_two(Ts[0], vs[0], Ts[1], vs[1]))
        out[fsrc] = v
        print(f"   VVIX over REAL chain mids ({near}, {nxt}; F = {fsrc}): {v:.2f}  vs real VVIX {D.vvix[d]:.2f}")
    # and over the model chain with the same s, for reference
    res["vvix_real_chain"] = out
    return res


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(here, "../../../shared/data"))
    D = Data(root)
    print(f"data: {root}")
    r1 = task1(D)
    r2 = task2(D)
    r3 = task3(D)
    return r1, r2, r3


if __name__ == "__main__":
    main()
