/** Series colours chosen to stay distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const seriesColors = {
  views: "#0072B2",
  engagement: "#E69F00",
  conversions: "#009E73",
  members: "#4f46e5",
  joins: "#009E73",
  leaves: "#D55E00",
} as const;
