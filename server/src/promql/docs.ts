/**
 * The documentation of PromQL's functions and aggregations (hover, completion,
 * signature help) in the current language: English is functions.json's, which
 * follows Prometheus's documentation; Japanese is kept here, one line per name.
 */
import { getLocale } from '../l10n';
import { promqlAggregations, promqlFunctions } from './functionTable';

/** 関数の説明（functions.json の doc の日本語）。 */
export const FUNCTION_DOCS_JA: Readonly<Record<string, string>> = {
  abs: '各サンプルの絶対値。',
  absent: '引数に要素がなければ要素 1 つのベクトル、あれば空。',
  absent_over_time: '範囲ベクトルに要素がなければ要素 1 つのベクトル、あれば空。',
  acos: '各サンプルの逆余弦（ラジアン）。',
  acosh: '各サンプルの逆双曲線余弦。',
  asin: '各サンプルの逆正弦（ラジアン）。',
  asinh: '各サンプルの逆双曲線正弦。',
  atan: '各サンプルの逆正接（ラジアン）。',
  atanh: '各サンプルの逆双曲線正接。',
  avg_over_time: '範囲内のすべての点の平均。',
  ceil: '各サンプルを最も近い整数に切り上げる。',
  changes: '範囲内で値が変化した回数。',
  clamp: 'サンプル値を下限と上限の間に収める。',
  clamp_max: 'サンプル値を上限以下に収める。',
  clamp_min: 'サンプル値を下限以上に収める。',
  cos: '各サンプルの余弦（ラジアン）。',
  cosh: '各サンプルの双曲線余弦。',
  count_over_time: '範囲内のすべての値の個数。',
  day_of_month: '各タイムスタンプの日（1〜31、UTC）。既定は time()。',
  day_of_week: '各タイムスタンプの曜日（0〜6、0 は日曜、UTC）。既定は time()。',
  day_of_year: '各タイムスタンプの年内通算日（1〜366、UTC）。既定は time()。',
  days_in_month: '各タイムスタンプの月の日数（UTC）。既定は time()。',
  deg: 'ラジアンを度に変換する。',
  delta: '範囲内のゲージの最初と最後の値の差。',
  deriv: 'ゲージの 1 秒あたりの微分（単回帰による）。',
  double_exponential_smoothing: '平滑化係数とトレンド係数によるゲージの平滑値（旧 holt_winters）。',
  end: 'クエリ範囲の終わり（エポックからの秒数）。',
  exp: '各サンプルの指数関数。',
  first_over_time: '範囲内で最も古い点の値。',
  floor: '各サンプルを最も近い整数に切り下げる。',
  histogram_avg: 'ネイティブヒストグラムの観測値の算術平均。',
  histogram_count: 'ネイティブヒストグラムの観測数。',
  histogram_fraction: '下限と上限の間にある観測値の割合の推定値。',
  histogram_quantile: 'クラシックまたはネイティブヒストグラムのバケットから求める φ 分位数（0 ≤ φ ≤ 1）。',
  histogram_quantiles: '複数の φ 分位数を一度に求め、それぞれを第 2 引数で名付けたラベルに書く。',
  histogram_stddev: 'ネイティブヒストグラムの観測値の標準偏差の推定値。',
  histogram_stdvar: 'ネイティブヒストグラムの観測値の分散の推定値。',
  histogram_sum: 'ネイティブヒストグラムの観測値の合計。',
  hour: '各タイムスタンプの時（0〜23、UTC）。既定は time()。',
  idelta: '範囲内の最後の 2 サンプルの差。',
  increase: '範囲内のカウンターの増加量（リセットを補正）。',
  info: 'target_info などの info メトリクスのラベルで系列を補う。',
  irate: 'カウンターの最後の 2 サンプルから求める 1 秒あたりの瞬間レート。',
  label_join: '元のラベルの値を区切り文字でつなぎ、宛先のラベルに書く。',
  label_replace: '元のラベルに正規表現で置換した結果を宛先のラベルに書く。',
  last_over_time: '範囲内で最も新しい点の値。',
  ln: '各サンプルの自然対数。',
  log10: '各サンプルの常用対数。',
  log2: '各サンプルの 2 を底とする対数。',
  mad_over_time: '範囲内のすべての点の中央絶対偏差。',
  max_over_time: '範囲内のすべての点の最大値。',
  min_over_time: '範囲内のすべての点の最小値。',
  minute: '各タイムスタンプの分（0〜59、UTC）。既定は time()。',
  month: '各タイムスタンプの月（1〜12、UTC）。既定は time()。',
  pi: '円周率 π。',
  predict_linear: '今から t 秒後の予測値（単回帰による）。',
  present_over_time: '範囲内に存在する系列ごとに値 1。',
  quantile_over_time: '範囲内の値の φ 分位数（0 ≤ φ ≤ 1）。',
  rad: '度をラジアンに変換する。',
  range: 'クエリ範囲の長さ（秒）。',
  rate: '範囲内のカウンターの 1 秒あたりの平均増加率。',
  resets: '範囲内のカウンターのリセット回数。',
  round: 'サンプルを最も近い整数（または省略可能な第 2 引数の倍数）に丸める。',
  scalar: '要素 1 つのベクトルのサンプル値をスカラーとして返す。それ以外は NaN。',
  sgn: '各サンプルの符号: 1、-1、0。',
  sin: '各サンプルの正弦（ラジアン）。',
  sinh: '各サンプルの双曲線正弦。',
  sort: 'サンプル値の昇順に並べる（インスタントクエリのみ）。',
  sort_by_label: '指定したラベルの値の昇順に並べる。',
  sort_by_label_desc: '指定したラベルの値の降順に並べる。',
  sort_desc: 'サンプル値の降順に並べる（インスタントクエリのみ）。',
  sqrt: '各サンプルの平方根。',
  start: 'クエリ範囲の始まり（エポックからの秒数）。',
  start_timestamp: '各サンプルの開始（作成）タイムスタンプ。',
  stddev_over_time: '範囲内の値の母標準偏差。',
  stdvar_over_time: '範囲内の値の母分散。',
  step: 'クエリ範囲のステップ（秒）。',
  sum_over_time: '範囲内のすべての値の合計。',
  tan: '各サンプルの正接（ラジアン）。',
  tanh: '各サンプルの双曲線正接。',
  time: '評価時刻（エポックからの秒数）。',
  timestamp: '各サンプルのタイムスタンプ（エポックからの秒数）。',
  ts_of_first_over_time: '範囲内の最初のサンプルのタイムスタンプ。',
  ts_of_last_over_time: '範囲内の最後のサンプルのタイムスタンプ。',
  ts_of_max_over_time: '範囲内の最大値のタイムスタンプ。',
  ts_of_min_over_time: '範囲内の最小値のタイムスタンプ。',
  vector: 'スカラーをラベルのないベクトルとして返す。',
  year: '各タイムスタンプの年（UTC）。既定は time()。',
};

/** 集約演算子の説明。 */
export const AGGREGATION_DOCS_JA: Readonly<Record<string, string>> = {
  sum: '次元にわたる合計。',
  avg: '次元にわたる平均。',
  count: 'ベクトルの要素数。',
  min: '次元にわたる最小値。',
  max: '次元にわたる最大値。',
  group: '結果の値はすべて 1。ラベルで系列をまとめる。',
  stddev: '次元にわたる母標準偏差。',
  stdvar: '次元にわたる母分散。',
  topk: 'サンプル値が大きい順に k 個の要素。',
  bottomk: 'サンプル値が小さい順に k 個の要素。',
  count_values: '同じ値を持つ要素の数。値はパラメータで名付けたラベルになる。',
  quantile: '次元にわたる φ 分位数（0 ≤ φ ≤ 1）。',
  limitk: 'k 個の要素を抜き出す（実験的機能）。',
  limit_ratio: '要素を疑似乱数の割合で抜き出す（実験的機能）。',
};

/** A function's one-line documentation in the current language. */
export function functionDoc(name: string): string | undefined {
  const fn = promqlFunctions.get(name);
  if (!fn) return undefined;
  return getLocale() === 'ja' ? (FUNCTION_DOCS_JA[name] ?? fn.doc) : fn.doc;
}

/** An aggregation's one-line documentation in the current language. */
export function aggregationDoc(name: string): string | undefined {
  const aggregation = promqlAggregations.get(name);
  if (!aggregation) return undefined;
  return getLocale() === 'ja' ? (AGGREGATION_DOCS_JA[name] ?? aggregation.doc) : aggregation.doc;
}
