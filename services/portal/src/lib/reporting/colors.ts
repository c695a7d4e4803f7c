/**
 * Series colours: each at least 3:1 against white (WCAG's contrast for
 * graphics), told apart by a legend and the table beside every chart, never
 * by colour alone.
 */
export const COLORS = {
  mrr: '#3b3fd8',
  mrrFill: '#dfe1fd',
  new: '#067647',
  expansion: '#175cd3',
  reactivation: '#7a3ee0',
  contraction: '#b54708',
  churn: '#b42318',
  gross: '#175cd3',
  refunds: '#b54708',
  net: '#3b3fd8',
  assigned: '#5c6475',
  redemptions: '#067647',
  failures: '#b42318',
  grid: '#e4e7ec',
  axis: '#4a5263',
} as const;

/** Colours for groups (storefronts, bundles, currencies), cycled. */
export const GROUP_COLORS = ['#3b3fd8', '#067647', '#b54708', '#7a3ee0', '#175cd3', '#b42318', '#0e7490', '#9d174d'] as const;
