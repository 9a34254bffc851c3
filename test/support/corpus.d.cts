/** ../shared/corpus beside the checkout: read when K1S0_CORPUS is not set. */
export declare const DEFAULT_CORPUS: string;
/** Where the corpus is, or why it is not. */
export declare function locateCorpus(env?: NodeJS.ProcessEnv): { dir: string; problem?: undefined } | { dir?: undefined; problem: string };
/** The corpus folder; throws, naming K1S0_CORPUS and ../shared/corpus, when there is none. */
export declare function corpusDir(env?: NodeJS.ProcessEnv): string;
/** A folder of the corpus (`rules`, `prometheusrule-crds`, `dashboards`); throws when missing. */
export declare function corpusPath(...parts: string[]): string;
