/**
 * Teams-like Adaptive Card host configs, light and dark: the fonts, spacing and text colours
 * Teams uses, so `npm run screenshots` draws cards close to how Teams does, and a test can check
 * that every text colour our cards use is readable on Teams' light card background (WCAG AA).
 * Values follow Teams' published palette; Teams itself remains the reference.
 */
export interface TeamsTheme {
  name: 'light' | 'dark';
  background: string;
  /** Text colour by Adaptive Card colour name (lower case), each with its subtle variant. */
  colours: Record<
    'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention',
    { default: string; subtle: string }
  >;
}

export const TEAMS_LIGHT: TeamsTheme = {
  name: 'light',
  background: '#FFFFFF',
  colours: {
    default: { default: '#252424', subtle: '#605E5C' },
    dark: { default: '#252424', subtle: '#605E5C' },
    light: { default: '#FFFFFF', subtle: '#FFFFFF' },
    accent: { default: '#6264A7', subtle: '#8B8CC7' },
    good: { default: '#92C353', subtle: '#B3DB81' },
    warning: { default: '#F8D22A', subtle: '#F9E07A' },
    attention: { default: '#C4314B', subtle: '#D36375' },
  },
};

export const TEAMS_DARK: TeamsTheme = {
  name: 'dark',
  background: '#2D2C2C',
  colours: {
    default: { default: '#FFFFFF', subtle: '#C8C6C4' },
    dark: { default: '#252424', subtle: '#605E5C' },
    light: { default: '#FFFFFF', subtle: '#C8C6C4' },
    accent: { default: '#A6A7DC', subtle: '#8B8CC7' },
    good: { default: '#92C353', subtle: '#B3DB81' },
    warning: { default: '#F8D22A', subtle: '#F9E07A' },
    attention: { default: '#F9526B', subtle: '#F27A8B' },
  },
};

const FONT =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";
const SIZES = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
const WEIGHTS = { lighter: 200, default: 400, bolder: 600 };

/** An Adaptive Cards JS renderer host config for the theme. */
export function hostConfig(theme: TeamsTheme): object {
  const foregroundColors = Object.fromEntries(
    Object.entries(theme.colours).map(([name, c]) => [name, { default: c.default, subtle: c.subtle }]),
  );
  return {
    supportsInteractivity: true,
    fontFamily: FONT,
    fontSizes: SIZES,
    fontWeights: WEIGHTS,
    fontTypes: {
      default: { fontFamily: FONT, fontSizes: SIZES, fontWeights: WEIGHTS },
      monospace: { fontFamily: "Consolas, 'Courier New', monospace", fontSizes: SIZES, fontWeights: WEIGHTS },
    },
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme.name === 'light' ? '#EEEEEE' : '#3B3A39' },
    containerStyles: {
      default: { backgroundColor: theme.background, foregroundColors },
      emphasis: { backgroundColor: theme.name === 'light' ? '#F5F5F5' : '#292828', foregroundColors },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
  };
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
