// cli-table3's internal helpers (CommonJS, no types of their own); see src/report/table-speed.ts.
declare module 'cli-table3/src/utils.js' {
  const utils: {
    strlen(str: string): number;
    truncate(str: string, desiredLength: number, truncateChar?: string): string;
  };
  export default utils;
}
