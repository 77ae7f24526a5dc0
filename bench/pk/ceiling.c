/*
 * Machine ceiling for the PK engine: the same modal recursion and grid driver as
 * src/domain/pk/engine.ts, as a tight C loop. bench/pk/run.ts compiles it with
 * `gcc -O3 -ffast-math` and feeds it the same modes and schedule, so the ratio
 * JS/C measures the cost of the language, not of the algorithm.
 *
 * Input (stdin, whitespace separated):
 *   plasma: 3 lambda, 3 inf (ng/mL per mg/min), 3 bolus (ng/mL per mg)
 *   effect: 4 lambda, 4 inf, 4 bolus
 *   start step count reps
 *   nbreak, then nbreak lines: time bolus_mg rate_mg_per_min
 * Output: "cp <median ns> <checksum>" and "cpce <median ns> <checksum>".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  int width;
  double lambda[4], inf[4], bolus[4], state[4], decay[4];
} modes_t;

static void advance(modes_t *m, double rate, double dt) {
  for (int i = 0; i < m->width; i++) {
    double l = m->lambda[i];
    if (l == 0) continue;
    m->state[i] = m->state[i] * exp(-l * dt) + rate * m->inf[i] * -expm1(-l * dt);
  }
}

static void give_bolus(modes_t *m, double mg) {
  for (int i = 0; i < m->width; i++) m->state[i] += m->bolus[i] * mg;
}

static void run_cp(modes_t *p, double rate, double *out, long first, long count) {
  const double ss0 = rate * p->inf[0], ss1 = rate * p->inf[1], ss2 = rate * p->inf[2];
  const double e0 = p->decay[0], e1 = p->decay[1], e2 = p->decay[2];
  double d0 = p->state[0] - ss0, d1 = p->state[1] - ss1, d2 = p->state[2] - ss2;
  for (long j = first; j < first + count; j++) {
    d0 *= e0;
    d1 *= e1;
    d2 *= e2;
    out[j] = ss0 + d0 + (ss1 + d1) + (ss2 + d2);
  }
  p->state[0] = ss0 + d0;
  p->state[1] = ss1 + d1;
  p->state[2] = ss2 + d2;
}

static void run_cpce(modes_t *p, modes_t *e, double rate, double *cp, double *ce, long first, long count) {
  const double ss0 = rate * p->inf[0], ss1 = rate * p->inf[1], ss2 = rate * p->inf[2];
  const double e0 = p->decay[0], e1 = p->decay[1], e2 = p->decay[2];
  double d0 = p->state[0] - ss0, d1 = p->state[1] - ss1, d2 = p->state[2] - ss2;
  const double sf0 = rate * e->inf[0], sf1 = rate * e->inf[1], sf2 = rate * e->inf[2], sf3 = rate * e->inf[3];
  const double sfsum = sf0 + sf1 + sf2 + sf3;
  const double g0 = e->decay[0], g1 = e->decay[1], g2 = e->decay[2], g3 = e->decay[3];
  double h0 = e->state[0] - sf0, h1 = e->state[1] - sf1, h2 = e->state[2] - sf2, h3 = e->state[3] - sf3;
  for (long j = first; j < first + count; j++) {
    d0 *= e0;
    d1 *= e1;
    d2 *= e2;
    h0 *= g0;
    h1 *= g1;
    h2 *= g2;
    h3 *= g3;
    cp[j] = ss0 + d0 + (ss1 + d1) + (ss2 + d2);
    double c = sfsum + (h0 + h1 + (h2 + h3));
    ce[j] = c > 0 ? c : 0;
  }
  p->state[0] = ss0 + d0;
  p->state[1] = ss1 + d1;
  p->state[2] = ss2 + d2;
  e->state[0] = sf0 + h0;
  e->state[1] = sf1 + h1;
  e->state[2] = sf2 + h2;
  e->state[3] = sf3 + h3;
}

static modes_t P, E;
static double *T, *B, *R;
static long nbreak;

static void write_sample(modes_t *p, modes_t *e, double *cp, double *ce, long k) {
  cp[k] = p->state[0] + p->state[1] + p->state[2];
  if (ce) {
    double c = e->state[0] + e->state[1] + (e->state[2] + e->state[3]);
    ce[k] = c > 0 ? c : 0;
  }
}

static long last_index_before(double t, double t0, double h, long count) {
  long j = (long)ceil((t - t0) / h) - 1;
  if (j > count - 1) j = count - 1;
  while (j + 1 < count && t0 + (j + 1) * h < t) j++;
  while (j >= 0 && t0 + j * h >= t) j--;
  return j;
}

static void simulate(double t0, double h, long count, double *cp, double *ce) {
  modes_t *e = ce ? &E : NULL;
  memset(P.state, 0, sizeof P.state);
  memset(E.state, 0, sizeof E.state);
  for (int i = 0; i < 3; i++) P.decay[i] = exp(-P.lambda[i] * h);
  for (int i = 0; i < 4; i++) E.decay[i] = exp(-E.lambda[i] * h);
  double rate = 0, tc = nbreak > 0 && T[0] < t0 ? T[0] : t0;
  long ev = 0, k = 0;
#define PROCESS_UNTIL(t)                                     \
  do {                                                       \
    double tt = (t);                                         \
    while (ev < nbreak && T[ev] <= tt) {                     \
      if (T[ev] > tc) {                                      \
        advance(&P, rate, T[ev] - tc);                       \
        if (e) advance(e, rate, T[ev] - tc);                 \
      }                                                      \
      tc = T[ev];                                            \
      give_bolus(&P, B[ev]);                                 \
      if (e) give_bolus(e, B[ev]);                           \
      rate = R[ev];                                          \
      ev++;                                                  \
    }                                                        \
    if (tt > tc) {                                           \
      advance(&P, rate, tt - tc);                            \
      if (e) advance(e, rate, tt - tc);                      \
    }                                                        \
    tc = tt;                                                 \
  } while (0)
  PROCESS_UNTIL(t0);
  write_sample(&P, e, cp, ce, 0);
  while (k < count - 1) {
    long jmax = ev < nbreak ? last_index_before(T[ev], t0, h, count) : count - 1;
    if (jmax > k) {
      if (e) run_cpce(&P, e, rate, cp, ce, k + 1, jmax - k);
      else run_cp(&P, rate, cp, k + 1, jmax - k);
      k = jmax;
      tc = t0 + k * h;
    }
    if (k < count - 1) {
      PROCESS_UNTIL(t0 + (k + 1) * h);
      k++;
      write_sample(&P, e, cp, ce, k);
    }
  }
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int read_modes(modes_t *m, int width) {
  m->width = width;
  for (int i = 0; i < width; i++) if (scanf("%lf", &m->lambda[i]) != 1) return 0;
  for (int i = 0; i < width; i++) if (scanf("%lf", &m->inf[i]) != 1) return 0;
  for (int i = 0; i < width; i++) if (scanf("%lf", &m->bolus[i]) != 1) return 0;
  return 1;
}

int main(void) {
  double t0, h;
  long count, reps;
  if (!read_modes(&P, 3) || !read_modes(&E, 4)) return 1;
  if (scanf("%lf %lf %ld %ld %ld", &t0, &h, &count, &reps, &nbreak) != 5) return 1;
  T = malloc(sizeof(double) * (nbreak + 1));
  B = malloc(sizeof(double) * (nbreak + 1));
  R = malloc(sizeof(double) * (nbreak + 1));
  for (long i = 0; i < nbreak; i++)
    if (scanf("%lf %lf %lf", &T[i], &B[i], &R[i]) != 3) return 1;
  double *cp = malloc(sizeof(double) * count), *ce = malloc(sizeof(double) * count);
  double *times = malloc(sizeof(double) * reps);
  for (int mode = 0; mode < 2; mode++) {
    for (long r = 0; r < reps; r++) {
      double a = now_ns();
      simulate(t0, h, count, cp, mode ? ce : NULL);
      times[r] = now_ns() - a;
    }
    qsort(times, reps, sizeof(double), cmp);
    double sum = 0;
    for (long i = 0; i < count; i++) sum += mode ? ce[i] : cp[i];
    printf("%s %.0f %.17g\n", mode ? "cpce" : "cp", times[reps / 2], sum);
  }
  return 0;
}
