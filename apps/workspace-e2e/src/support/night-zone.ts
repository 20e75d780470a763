/**
 * An IANA zone (`Etc/GMT±n`, whole hours) where it is 03:00–03:59 now, so a test always finds the
 * customer outside calling hours whatever the machine's clock. Note the POSIX sign: `Etc/GMT+5` is UTC−5.
 */
export function zoneWhereItIsNight(now = Date.now()): string {
  const utcHour = new Date(now).getUTCHours();
  // Local = UTC + offset; offsets run from −12 to +14.
  for (let offset = -12; offset <= 14; offset++) {
    if ((((utcHour + offset) % 24) + 24) % 24 === 3) return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  throw new Error('unreachable: some offset puts the clock at 03:00');
}

/** Same, at 12:00–12:59 local time: inside calling hours. */
export function zoneWhereItIsNoon(now = Date.now()): string {
  const utcHour = new Date(now).getUTCHours();
  for (let offset = -12; offset <= 14; offset++) {
    if ((((utcHour + offset) % 24) + 24) % 24 === 12) return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  throw new Error('unreachable: some offset puts the clock at 12:00');
}
