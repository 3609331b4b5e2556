import { Site } from '../../lib/core/errors';
import { checkTimeZone, cronProblem } from '../../lib/workloads/cron-schedule';

describe('CronJob schedules and time zones as Kubernetes 1.28 accepts them', () => {
  test('valid schedules pass', () => {
    for (const schedule of ['0 2 * * *', '*/15 * * * *', '0 9 * * MON-FRI', '0 0 1 JAN,JUL ?', '5,35 0-6/2 1-31 * 0-6', '@daily', '@every 1h30m']) {
      expect([schedule, cronProblem(schedule)]).toEqual([schedule, undefined]);
    }
  });
  test('invalid schedules name their problem', () => {
    expect(cronProblem('0 2 * * 7')).toBe('has a day of week field "7" that is outside 0-6');
    expect(cronProblem('0 2 * * * *')).toBe('must have five fields (minute hour day-of-month month day-of-week), not 6');
    expect(cronProblem('CRON_TZ=UTC 0 2 * * *')).toBe('must not name a time zone (TZ or CRON_TZ)');
    expect(cronProblem('0 2 L * *')).toBe('has a day of month field "L" that is not a number');
  });
  test('time zones: IANA names and aliases pass, unknown names and wrong case do not', () => {
    const site = new Site('job');
    for (const zone of ['Etc/UTC', 'UTC', 'Europe/Berlin', 'US/Pacific', 'Asia/Kolkata']) expect(() => checkTimeZone(site, zone)).not.toThrow();
    for (const zone of ['Mars/Olympus', 'europe/berlin', 'Local', '', '+01:00'])
      expect(() => checkTimeZone(site, zone)).toThrow('must be an IANA time zone name');
  });
});
