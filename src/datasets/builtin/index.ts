export { BUILTIN_DATA_DIRECTORY } from './load-builtin-set.js';
export { DEFAULT_BUILTIN_SET, findBuiltinSet, listBuiltinSets, type BuiltinSetInfo } from './builtin-sets.js';
export {
  BUILTIN_LANGUAGES,
  BUILTIN_SOURCE_FILES,
  type BuiltinLanguage,
  type BuiltinSources,
  type CountrySource,
  type CountryTemplate,
  type SymmetryGroup,
  type SymmetryTemplate,
} from './builtin-sources.js';
export { countryTemplateTargets, symmetryTemplateTargets } from './builtin-targets.js';
export { buildBuiltinSets, type GeneratedBuiltinSet } from './build-builtin-sets.js';
export { toCandorJsonl, type CandorQuestionRow } from './candor-question-row.js';
export { checkBuiltinSources, findBuiltinSourceProblems, ID_SEPARATOR } from './check-builtin-sources.js';
export { CONTINENTS, type Continent } from './iso-3166-alpha2.js';
export { fillTemplate, placeholdersOf } from './builtin-targets.js';
export { ISO_3166_ALPHA2 } from './iso-3166-alpha2.js';
export { builtinSetPath, loadBuiltinSet } from './load-builtin-set.js';
export { readBuiltinSources } from './load-builtin-set.js';
export { findSwapGroupProblems, type SwapGroups } from './check-builtin-sources.js';
