/**
 * The reporting pieces the dashboard shares with the analytics reports: the
 * period (presets and custom ranges, kept in the URL), the environment's
 * clock, rates, unconverted amounts, CSV, and the MRR chart.
 */
export { atLeastOneUnit, atMostZero } from './axes';
export { clockOffsetKey } from './clock';
export { ChartFigure, Legend } from './ChartFigure';
export { COLORS, GROUP_COLORS } from './colors';
export { CsvButton, csvFilename } from './CsvButton';
export { formatBucket, formatCodeAmount, formatCount, formatMoneyShort, formatPeriod, formatRate } from './format';
export { MovementTotals } from './MovementTotals';
export { movementTotals, MOVEMENTS, netOf, type MrrPoint, type MrrReport } from './mrr';
export { MrrChart } from './LazyMrrChart';
export { mrrSummary } from './mrrSummary';
export { PeriodPicker } from './PeriodPicker';
export { bucketStarts, choiceFromSearch, choiceToSearch, customRange, intervalFor, presetRange, rangeOf, type Interval, type PeriodChoice, type Range } from './period';
export { Figure } from './Figure';
export { Rate } from './Rate';
export { TableScroll } from './TableScroll';
export { sumByCurrency, Unconverted } from './Unconverted';
export { usePeriodChoice } from './usePeriodChoice';
export { sameScopePrevious, useReport } from './useReport';
