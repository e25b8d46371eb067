// Parses an iCalendar document from stdin with ical.js (an independent parser: not iCal4j) and
// prints what the Java tests check as JSON. Exits non-zero on a parse error.
const ICAL = require('ical.js');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const root = new ICAL.Component(ICAL.parse(input));
  const zones = root.getAllSubcomponents('vtimezone');
  zones.forEach((z) => ICAL.TimezoneService.register(new ICAL.Timezone(z)));
  const events = root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const start = v.getFirstProperty('dtstart');
    const end = v.getFirstProperty('dtend');
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      location: e.location,
      status: v.getFirstPropertyValue('status'),
      organizer: v.getFirstPropertyValue('organizer'),
      startTzid: start.getParameter('tzid') || null,
      endTzid: end.getParameter('tzid') || null,
      startUtc: e.startDate.toJSDate().toISOString(),
      endUtc: e.endDate.toJSDate().toISOString(),
      floating: e.startDate.zone === ICAL.Timezone.localTimezone,
    };
  });
  process.stdout.write(JSON.stringify({
    method: root.getFirstPropertyValue('method'),
    prodid: root.getFirstPropertyValue('prodid'),
    zones: zones.map((z) => z.getFirstPropertyValue('tzid')),
    events,
  }));
});
