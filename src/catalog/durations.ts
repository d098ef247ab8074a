/** 90 -> `90m`, 1440 -> `1d`: the largest unit that divides the value, as contracts write it. */
export function formatMinutes(minutes: number): string {
  const units: [string, number][] = [
    ['y', 525600],
    ['w', 10080],
    ['d', 1440],
    ['h', 60],
  ];
  const unit = units.find(([, size]) => minutes % size === 0);
  return unit ? `${minutes / unit[1]}${unit[0]}` : `${minutes}m`;
}
