import { CLOSED_STATUSES, firstPage, OPEN_STATUSES, parseQueueState, queueSearch, queueVariables, type QueueState } from "./queueState";

const parse = (query: string) => parseQueueState(new URLSearchParams(query));

describe("the queue in the address", () => {
  it("has a plain address when nothing is chosen", () => {
    const state = parse("");
    expect(state).toMatchObject({ sort: "SUBMITTED_AT", descending: true, assignment: "all", statuses: [], closed: false, after: null });
    expect(queueSearch(state).toString()).toBe("");
  });

  it("reads back every filter, the sort and the page it wrote", () => {
    const state: QueueState = {
      services: ["U2VydmljZTox", "U2VydmljZToy"],
      statuses: ["SUBMITTED", "PENDING"],
      closed: false,
      offices: ["T2ZmaWNlOjE="],
      assignees: ["VXNlcjox"],
      assignment: "unassigned",
      submittedFrom: "2026-03-01",
      submittedUntil: "2026-03-31",
      applicant: "rossi",
      sort: "NUMBER",
      descending: false,
      after: "Y3Vyc29y",
      before: null,
    };
    const query = queueSearch(state).toString();
    expect(query).toBe(
      "servizio=U2VydmljZTox&servizio=U2VydmljZToy&stato=SUBMITTED&stato=PENDING&ufficio=T2ZmaWNlOjE%3D" +
        "&assegnatario=VXNlcjox&assegnazione=unassigned&dal=2026-03-01&al=2026-03-31&richiedente=rossi" +
        "&ordine=NUMBER&verso=asc&dopo=Y3Vyc29y",
    );
    expect(parse(query)).toEqual(state);
  });

  it("drops what it does not know instead of sending it to the server", () => {
    const state = parse("stato=DRAFT&stato=BOGUS&stato=COMPLETE&ordine=NAME&assegnazione=x&dal=1%2F3%2F2026&verso=sideways");
    expect(state.statuses).toEqual(["COMPLETE"]);
    expect(state).toMatchObject({ sort: "SUBMITTED_AT", assignment: "all", submittedFrom: null, descending: true });
  });

  it("keeps asking for closed practices too, which chosen statuses make moot", () => {
    expect(parse("chiuse=1").closed).toBe(true);
    expect(queueSearch(parse("chiuse=1&ordine=NUMBER")).toString()).toBe("chiuse=1&ordine=NUMBER");
    expect(parse("chiuse=1&stato=PENDING")).toMatchObject({ closed: false, statuses: ["PENDING"] });
    expect(queueSearch({ ...parse("stato=PENDING"), closed: true }).toString()).toBe("stato=PENDING");
  });

  it("starts from the first page when filters change", () => {
    expect(queueSearch(firstPage(parse("stato=PENDING&prima=abc"))).toString()).toBe("stato=PENDING");
  });
});

describe("the queue's query variables", () => {
  it("asks for the open work unless statuses are chosen or closed ones asked for", () => {
    expect(queueVariables(parse(""), null).filter?.statuses).toEqual(OPEN_STATUSES);
    expect(OPEN_STATUSES).toContain("PENDING");
    expect(OPEN_STATUSES).toContain("PAYMENT_PENDING");
    expect(OPEN_STATUSES.some((status) => CLOSED_STATUSES.includes(status))).toBe(false);
    expect(CLOSED_STATUSES).toEqual([
      "COMPLETE_WAITING_OUTCOME_REGISTRATION",
      "COMPLETE",
      "CANCELLED_WAITING_OUTCOME_REGISTRATION",
      "CANCELLED",
      "WITHDRAWN",
      "REVOKED",
    ]);
    expect(queueVariables(parse("chiuse=1"), null).filter?.statuses).toBeNull();
    expect(queueVariables(parse("stato=COMPLETE"), null).filter?.statuses).toEqual(["COMPLETE"]);
  });

  it("turns local days into Rome instants, the last day included, across the spring change", () => {
    const { filter } = queueVariables(parse("dal=2026-03-01&al=2026-03-29"), null);
    expect(filter?.submittedFrom).toBe("2026-02-28T23:00:00.000Z");
    // Until the start of 30 March, which is in summer time.
    expect(filter?.submittedUntil).toBe("2026-03-29T22:00:00.000Z");
  });

  it("maps the assignment choice to the API's filters", () => {
    expect(queueVariables(parse("assegnazione=me&assegnatario=VXNlcjoy"), "VXNlcjox").filter).toMatchObject({
      assignees: ["VXNlcjox"],
      unassigned: null,
    });
    expect(queueVariables(parse("assegnazione=unassigned"), "me").filter).toMatchObject({ assignees: null, unassigned: true });
    expect(queueVariables(parse("assegnazione=assigned"), "me").filter?.unassigned).toBe(false);
    expect(queueVariables(parse("assegnatario=VXNlcjoy"), "me").filter?.assignees).toEqual(["VXNlcjoy"]);
  });

  it("pages forward with first/after and backward with last/before", () => {
    expect(queueVariables(parse("dopo=abc"), null)).toMatchObject({ first: 20, after: "abc" });
    const back = queueVariables(parse("prima=xyz&ordine=UPDATED_AT&verso=asc"), null);
    expect(back).toMatchObject({ last: 20, before: "xyz", sort: { field: "UPDATED_AT", descending: false } });
    expect(back.first).toBeUndefined();
  });
});
