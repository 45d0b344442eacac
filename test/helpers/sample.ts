/** The bundled sample's four files, relative to the repository. */
export const SAMPLE = [
  'yongchuan-annual.csv',
  'yongchuan-quarterly.csv',
  'dazu-annual.csv',
  'region-indicators.csv',
].map((f) => `fixtures/sample/${f}`);
