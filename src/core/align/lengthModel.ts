/**
 * Gale & Church (1993) length model: for a bead with source length ls and target length lt (characters), the target
 * length is normal around c·ls with variance s²·ls. The cost is −log P(|δ| this large), δ = (lt − c·ls)/√(s²·l̄), where
 * l̄ is the mean of ls and lt/c (symmetric in the two sides). c and s² are estimated from the pair being aligned.
 */

export type LengthModel = {
  readonly ratio: number;
  readonly variance: number;
  /** Share of beads whose lengths disagree far more than the normal core allows (a wider component, `tailScale`×σ). */
  readonly tailWeight: number;
  readonly tailScale: number;
};

/** −ln erfc(z) for z ≥ 0 (Numerical Recipes' Chebyshev fit of erfc, exact to 1.2e-7 relative). */
export function negLogErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return z * z - poly - Math.log(t);
}

/** −ln P(|δ'| ≥ |δ|) under the model's mixture: a normal core and a wider normal tail. */
export function deltaCost(model: LengthModel, delta: number): number {
  const core = negLogErfc(delta / Math.SQRT2);
  if (model.tailWeight <= 0) return core;
  const tail = negLogErfc(delta / (Math.SQRT2 * model.tailScale));
  // −ln((1 − w)·e^−core + w·e^−tail), computed stably.
  const low = Math.min(core, tail);
  return (
    low - Math.log((1 - model.tailWeight) * Math.exp(low - core) + model.tailWeight * Math.exp(low - tail))
  );
}

/** −ln P(|δ'| ≥ |δ|) for the bead lengths. */
export function lengthCost(model: LengthModel, ls: number, lt: number): number {
  const mean = (ls + lt / model.ratio) / 2;
  if (mean <= 0) return 0;
  const delta = Math.abs(lt - model.ratio * ls) / Math.sqrt(model.variance * model.ratio * mean);
  return deltaCost(model, delta);
}

const TABLE_STEP = 0.01;
const TABLE_MAX = 40;

/**
 * The same cost as `lengthCost`, from a table of |δ| in steps of 0.01 (linear interpolation; beyond the table the
 * cost grows as the tail's δ²/2): the dynamic programme asks for it millions of times.
 */
/** Cost tables by tail weight and scale: they do not depend on the ratio or variance, and short texts need many. */
const tables = new Map<string, Float64Array>();

function costTable(model: LengthModel): Float64Array {
  const key = `${model.tailWeight}:${model.tailScale}`;
  let table = tables.get(key);
  if (!table) {
    const size = Math.ceil(TABLE_MAX / TABLE_STEP) + 2;
    table = new Float64Array(size);
    for (let k = 0; k < size; k += 1) table[k] = deltaCost(model, k * TABLE_STEP);
    if (tables.size > 16) tables.clear();
    tables.set(key, table);
  }
  return table;
}

export function lengthCostFunction(model: LengthModel): (ls: number, lt: number) => number {
  const table = costTable(model);
  const size = table.length;
  const { ratio } = model;
  const scale = 1 / (model.variance * ratio);
  const last = table[size - 2]!;
  const tailScale = model.tailWeight > 0 ? model.tailScale : 1;
  return (ls, lt) => {
    const mean = (ls + lt / ratio) / 2;
    if (mean <= 0) return 0;
    const diff = lt - ratio * ls;
    const delta = Math.sqrt((diff * diff * scale) / mean) / TABLE_STEP;
    if (delta >= size - 2) {
      const d = delta * TABLE_STEP;
      const edge = TABLE_MAX;
      return last + (d * d - edge * edge) / (2 * tailScale * tailScale);
    }
    const k = Math.floor(delta);
    const f = delta - k;
    return table[k]! + f * (table[k + 1]! - table[k]!);
  };
}

/** The model before anything is known: c from the totals, a variance of the size Gale & Church measured. */
export function initialModel(
  totalSource: number,
  totalTarget: number,
  tailWeight: number,
  tailScale: number,
): LengthModel {
  const ratio = totalSource > 0 && totalTarget > 0 ? totalTarget / totalSource : 1;
  return { ratio, variance: 6.8, tailWeight, tailScale };
}

/**
 * Re-estimates c and s² from aligned pairs (ls, lt), robustly: c as the ratio of sums over the pairs, s² from the
 * median absolute deviation of the normalised residuals (outliers such as misaligned pairs do not inflate it).
 */
export function estimateModel(
  pairs: readonly (readonly [number, number])[],
  fallback: LengthModel,
): LengthModel {
  if (pairs.length < 8) return fallback;
  let sumS = 0;
  let sumT = 0;
  for (const [ls, lt] of pairs) {
    sumS += ls;
    sumT += lt;
  }
  if (sumS <= 0 || sumT <= 0) return fallback;
  const ratio = sumT / sumS;
  const residuals = pairs
    .filter(([ls, lt]) => ls + lt > 0)
    .map(([ls, lt]) => {
      const mean = (ls + lt / ratio) / 2;
      return Math.abs(lt - ratio * ls) / Math.sqrt(ratio * mean);
    })
    .sort((a, b) => a - b);
  const mad = residuals[Math.floor(residuals.length / 2)] ?? 0;
  // For a normal distribution the median of |x| is 0.6745 σ.
  const sigma = mad / 0.6745;
  const variance = Math.min(40, Math.max(1, sigma * sigma));
  return { ratio, variance, tailWeight: fallback.tailWeight, tailScale: fallback.tailScale };
}
