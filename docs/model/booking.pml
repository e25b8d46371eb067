/*
 * booking.pml: a SPIN model of the Mongo store's booking protocol
 * (reservation-mongo BookingProtocol, RoomDayClaims, ReservationDocs,
 * MongoReservationStore#cancel, and ReservationService's retries) on a replica
 * set that has an applied state and a majority-committed state.
 *
 *   spin -a booking.pml                  the protocol as it is: bookers A and B, the canceller
 *   spin -a -DPAIR_AC booking.pml        the same with bookers A and C (A's second bucket contended)
 *   spin -a -DWITH_C booking.pml         all three bookers (too large to finish exhaustively here)
 *   spin -a -DOLD_RELEASE booking.pml    the release rule before commit 0880105
 *   spin -a -DLIVENESS booking.pml       no faults, no competitor: an LTL property
 * Other switches: -DMAXFAILOVERS=n (default 1), -DANY_FAILOVERS, -DLOGMAX=n
 * (default 4), -DBOUNDED_ATTEMPTS (the service's 3 calls instead of any number).
 *
 * docs/model/README.md explains what is modelled and maps every step below
 * to the Java method it stands for; docs/model/check.sh runs the checks.
 *
 * ---- The room ------------------------------------------------------------
 * One room, two adjacent UTC-day buckets (room_days documents), three slots:
 *   A (rid 0) spans the end of day 0 and the start of day 1: buckets 0 and 1
 *   B (rid 1) lies in day 0 and overlaps A:                  bucket 0
 *   C (rid 2) lies in day 1 and overlaps A:                  bucket 1
 * B and C do not overlap. Booker r books candidate r (one reservation id,
 * re-sent unchanged by the service after an outcome-unknown).
 *
 * ---- The replica set -----------------------------------------------------
 * app[] is the primary's applied state, com[] the majority-committed state,
 * lg[] the applied but not yet committed suffix of the log (each entry: one
 * document's new value). Every write is one atomic step on one document of
 * app[] and appends its entry; replica_set commits the oldest entry (or
 * does nothing: the commit point may stall forever), or fails over once,
 * rolling back the uncommitted suffix. Majority reads read com[]; write
 * filters and unique-index checks see app[]. A w:majority reply waits for
 * everything logged before it (also for a write that failed or changed
 * nothing, as mongod does): the writer may then see the reply, or an
 * outcome-unknown (wtimeout, lost reply, failover), or stop for good (crash).
 */

/* ---- bounds --------------------------------------------------------------- */
#define NB        3   /* bookers, also reservation ids */
#define NBK       2   /* buckets */
#define NDOCS     5   /* 3 reservation documents, 2 bucket documents */
#define NW        4   /* writers: the bookers and the canceller */
#define CANCELLER 3
#ifndef LOGMAX
#define LOGMAX    4   /* at most this many applied, uncommitted entries at once */
#endif
#ifndef ATTEMPTS
#define ATTEMPTS  3   /* ReservationService.OUTCOME_RESOLUTION_ATTEMPTS */
#endif
#ifndef CANCEL_ATTEMPTS
#define CANCEL_ATTEMPTS 5   /* ReservationService.CANCEL_ATTEMPTS */
#endif

#define A 0
#define B 1
#define C 2
#define NOBODY 7

#define BDOC(k)     (NB + (k))                               /* document index of bucket k */
#define BUCKETS(r)  ((r) == A -> 3 : ((r) == B -> 1 : 2))    /* bitmask of r's buckets */
#define OVERLAPS(r) ((r) == A -> 7 : ((r) == B -> 3 : 5))    /* rids whose slot overlaps r's, r included */
#define RIVAL(r, k) ((r) == A -> ((k) == 0 -> B : C) : A)    /* the other rid that can overlap r in bucket k */

/* reservation document of a rid: none, or its status (ABANDONED = tombstone) */
#define NONE 0
#define CONF 1
#define CANC 2
#define ABAN 3

/* write operations and what the server answers */
#define OP_CLAIM  0
#define OP_INSERT 1
#define OP_CAS    2
#define OP_PULL   3
#define R_OK      0
#define R_DUP     1   /* E11000 */
#define R_NOMATCH 2

/* what the service told the client who asked for a booking */
#define T_NONE     0
#define T_BOOKED   1   /* Booked, or Replayed of its own id */
#define T_NOTBOOKED 2  /* Conflict, or StoreUnavailable ("nothing was booked") */
#define T_UNKNOWN  3   /* WriteOutcomeUnknownException */

/* failovers: none (LIVENESS), at most MAXFAILOVERS (default 1), or any number
 * (-DANY_FAILOVERS: no counter in the state; too large to finish with the canceller) */
#ifdef LIVENESS
#define FAILOVER_ALLOWED false
#define COUNT_FAILOVER   skip
#else
#ifdef ANY_FAILOVERS
#define FAILOVER_ALLOWED true
#define COUNT_FAILOVER   skip
#else
#ifndef MAXFAILOVERS
#define MAXFAILOVERS 1
#endif
#define FAILOVER_ALLOWED (failovers < MAXFAILOVERS)
#define COUNT_FAILOVER   failovers++
#endif
#endif

byte app[NDOCS];     /* applied: reservation status, or bucket claims as a bitmask of rids */
byte com[NDOCS];     /* majority-committed */
byte lg[LOGMAX];     /* uncommitted suffix: document * 8 + new value */
byte nlog;
byte failovers;
byte wt[NW];         /* entries that must commit before writer w's reply can come */
bool rolled[NW];     /* a failover interrupted writer w's wait */
byte told[NB];

/* ---- the properties, checked whenever com[] or told[] changes --------------- */
#define NO_DOUBLE_BOOKING  (!(com[A] == CONF && com[B] == CONF) && !(com[A] == CONF && com[C] == CONF))
#define CONFIRMED_HOLDS_CLAIMS \
	((com[A] != CONF || ((com[BDOC(0)] & 1) && (com[BDOC(1)] & 1))) \
	 && (com[B] != CONF || (com[BDOC(0)] & 2)) && (com[C] != CONF || (com[BDOC(1)] & 4)))
#define LANDED(r)          (com[r] == CONF || com[r] == CANC)
#define ANSWER_TRUE(r)     ((told[r] != T_BOOKED || LANDED(r)) && (told[r] != T_NOTBOOKED || !LANDED(r)))
#define ANSWERS_TRUE       (ANSWER_TRUE(A) && ANSWER_TRUE(B) && ANSWER_TRUE(C))

inline check() {
	assert(NO_DOUBLE_BOOKING);
#ifndef OVERLAP_ONLY
	assert(CONFIRMED_HOLDS_CLAIMS);
	assert(ANSWERS_TRUE)
#endif
}

/* ---- the store's atomic single-document steps (on the applied state) -------- */

inline logged(d) {
	lg[nlog] = (d) * 8 + app[d];
	nlog++
}

/* $pull of rid's claim from bucket k (a no-op, not logged, when it is not there) */
inline pull(w, k, rid) {
	if
	:: app[BDOC(k)] & (1 << (rid)) -> app[BDOC(k)] = app[BDOC(k)] ^ (1 << (rid)); logged(BDOC(k))
	:: else -> skip
	fi;
	wt[w] = nlog
}

/* Writer w applies operation op(arg, val) of its locals; res is what the
 * server answers; wt[w] how many logged entries its reply must wait for. */
inline apply_write(w) {
	if
	:: op == OP_CLAIM ->   /* conditional upsert: $push unless a claim overlapping w's (w's own too) is there */
		if
		:: (app[BDOC(arg)] & OVERLAPS(w)) == 0 ->
			app[BDOC(arg)] = app[BDOC(arg)] | (1 << w); logged(BDOC(arg)); res = R_OK
		:: else -> res = R_DUP   /* the upsert collides with the bucket's _id */
		fi
	:: op == OP_INSERT ->  /* insert under a unique _id: the reservation (CONF) or a tombstone (ABAN) */
		if
		:: app[arg] == NONE -> app[arg] = val; logged(arg); res = R_OK
		:: else -> res = R_DUP
		fi
	:: op == OP_CAS ->     /* status CONFIRMED (at the expected version) -> CANCELLED */
		if
		:: app[arg] == CONF -> app[arg] = CANC; logged(arg); res = R_OK
		:: else -> res = R_NOMATCH
		fi
	:: op == OP_PULL ->    /* the whole bulk of $pull again (the driver's retry): arg rid, val buckets */
		if
		:: val & 1 -> pull(w, 0, arg)
		:: else -> skip
		fi;
		if
		:: val & 2 -> pull(w, 1, arg)
		:: else -> skip
		fi;
		res = R_OK
	fi;
	wt[w] = nlog
}

/* ---- faults ------------------------------------------------------------------ */
/* Writers in the bitmask FAULTY may fail (default: all). -DMAXFAULTS=n bounds
 * the number of faults in a run (the counter makes the state space larger, not
 * smaller, so it is off by default: every write of a faulty writer may fail). */
#ifdef LIVENESS
#define FAULTY 0
#endif
#ifndef FAULTY
#define FAULTY 7     /* the bookers; the canceller's faults are written out in canceller() */
#endif
#ifdef MAXFAULTS
byte faults;
#define CAN_FAIL(w)  ((((FAULTY) >> (w)) & 1) && faults < MAXFAULTS)
#define COUNT_FAULT  faults++
#else
#define CAN_FAIL(w)  (((FAULTY) >> (w)) & 1)
#define COUNT_FAULT  skip
#endif

/* ---- a write and its reply ------------------------------------------------------
 * The macros below take what the writer does next for each outcome, as code
 * that ends in a goto, and run it inside the step that produced the outcome.
 * All parameters of a write are dead once it is over (op = arg = val = 0). */
#define DONE_WRITE  op = 0; arg = 0; val = 0; retried = 0; out = 0

/* R_OK, or a duplicate key / no match (then res is cleared) */
#define RESULT(ON_OK, ON_DUP) \
	if \
	:: res == R_OK -> ON_OK \
	:: res != R_OK -> res = R_OK; ON_DUP \
	fi

/* The fate of a write just applied, decided at once (a writer that learns it
 * later is the same as one that learns it now and is slow to act on it): it
 * waits for its reply; or it will see outcome-unknown (wtimeout, or a lost
 * reply and a failed driver retry). A crash is the writer taking no further step. */
#ifdef OLD_RELEASE
/* insertOne/updateOne throw MongoWriteException for an E11000 and drop the
 * write-concern error beside it: the E11000 looks clean before it is committed */
#define WAITS(w, ON_OK, ON_DUP) \
	:: res != R_DUP -> out = WAITING \
	:: res == R_DUP -> wt[w] = 0; DONE_WRITE; RESULT(ON_OK, ON_DUP)
#else
#define WAITS(w, ON_OK, ON_DUP) \
	:: out = WAITING
#endif
#define FATE(w, ON_UNKNOWN, ON_OK, ON_DUP) \
	if \
	WAITS(w, ON_OK, ON_DUP) \
	:: CAN_FAIL(w) -> COUNT_FAULT; wt[w] = 0; DONE_WRITE; ON_UNKNOWN \
	fi

/* Failures before anything is applied: not sent (no primary selectable, no
 * connection: StoreUnavailable), or lost on the way (outcome unknown). */
#define NOT_APPLIED(w, ON_UNKNOWN, ON_UNAVAIL) \
	:: CAN_FAIL(w) && attempt == 0 -> COUNT_FAULT; DONE_WRITE; ON_UNAVAIL \
	:: CAN_FAIL(w) -> COUNT_FAULT; DONE_WRITE; ON_UNKNOWN

/* The reply: without write-concern error only once everything logged before
 * it is committed (for a duplicate key or a no-op write too). After a failover
 * interrupted the wait: outcome unknown, or the driver's one retry runs the
 * write again on the new primary. The second $pull of a two-bucket bulk. */
#define AWAIT(w, ON_UNKNOWN, ON_OK, ON_DUP) \
	do \
	:: atomic { out == WAITING && wt[w] == 0 && !rolled[w] -> DONE_WRITE; RESULT(ON_OK, ON_DUP) } \
	:: atomic { out == WAITING && rolled[w] -> rolled[w] = 0; \
		if \
		:: DONE_WRITE; res = R_OK; ON_UNKNOWN \
		:: !retried && nlog + (op == OP_PULL && val == 3 -> 2 : 1) <= LOGMAX -> \
			retried = 1; apply_write(w); FATE(w, ON_UNKNOWN, ON_OK, ON_DUP) \
		fi } \
	:: atomic { half && nlog < LOGMAX -> half = 0; pull(w, 1, arg); FATE(w, ON_UNKNOWN, ON_OK, ON_OK) } \
	od

/* One w:majority write of one document (a bulkWrite of one model in Java). */
#define WRITE(w, o, a, v, ON_UNKNOWN, ON_UNAVAIL, ON_OK, ON_DUP) \
	atomic { \
		nlog < LOGMAX -> op = o; arg = a; val = v; \
		if \
		NOT_APPLIED(w, ON_UNKNOWN, ON_UNAVAIL) \
		:: rolled[w] = 0; apply_write(w); FATE(w, ON_UNKNOWN, ON_OK, ON_DUP) \
		fi \
	}; \
	AWAIT(w, ON_UNKNOWN, ON_OK, ON_DUP)

/* RoomDayClaims#remove: one bulkWrite of a $pull per bucket in mask, in bucket
 * order; each $pull is its own step, and a crash (no further step) may fall between the two. */
#define REMOVE(w, rid, mask, ON_UNKNOWN, ON_UNAVAIL, ON_OK) \
	atomic { \
		nlog < LOGMAX -> op = OP_PULL; arg = rid; val = mask; \
		if \
		NOT_APPLIED(w, ON_UNKNOWN, ON_UNAVAIL) \
		:: (mask) != 3 -> rolled[w] = 0; pull(w, ((mask) & 1 -> 0 : 1), rid); FATE(w, ON_UNKNOWN, ON_OK, ON_OK) \
		:: (mask) == 3 -> rolled[w] = 0; pull(w, 0, rid); half = 1 \
		fi \
	}; \
	AWAIT(w, ON_UNKNOWN, ON_OK, ON_OK)

#define WAITING 1
#define LOCALS  byte op, arg, val, res, out; bool retried, half

/* ---- the replica set --------------------------------------------------------- */

active proctype replica_set() {
	byte i;
end:
	do
	:: d_step {   /* the commit point moves past the oldest uncommitted entry */
		nlog > 0 ->
		com[lg[0] / 8] = lg[0] % 8;
		i = 0;
		do
		:: i < LOGMAX - 1 -> lg[i] = lg[i + 1]; i++
		:: else -> break
		od;
		lg[LOGMAX - 1] = 0;
		nlog--;
		i = 0;
		do
		:: i < NW -> if :: wt[i] > 0 -> wt[i]-- :: else -> skip fi; i++
		:: else -> break
		od;
		i = 0;
		check()
	   }
	:: d_step {   /* failover: the new primary holds the committed state; the suffix is rolled back */
		nlog > 0 && FAILOVER_ALLOWED ->
		COUNT_FAILOVER;
		i = 0;
		do
		:: i < NDOCS -> app[i] = com[i]; i++
		:: else -> break
		od;
		i = 0;
		do
		:: i < LOGMAX -> lg[i] = 0; i++
		:: else -> break
		od;
		nlog = 0;
		i = 0;
		do
		:: i < NW -> if :: wt[i] > 0 -> wt[i] = 0; rolled[i] = 1 :: else -> skip fi; i++
		:: else -> break
		od;
		i = 0
	   }
	od
}

/* ---- a booker: ReservationService#bookResolvingUnknownOutcome around
 *      BookingProtocol#book for candidate `me` ------------------------------- */

#define FIRSTK (me == C -> 1 : 0)

/* how a call of the store ends, and what the service makes of it */
/* The service's last word on an unknown outcome (ReservationService#settledByKey):
 * the reservation under the request's idempotency key, read at majority. */
#define SETTLE      told[me] = (LANDED(me) -> T_BOOKED : T_UNKNOWN); check(); goto done
#ifdef BOUNDED_ATTEMPTS
#define NEXT_ATTEMPT  attempt++; if :: attempt < ATTEMPTS -> goto pass :: else -> SETTLE fi
#else
/* default: any number of calls (attempt only says "an earlier call was unknown"),
 * a superset of the service's OUTCOME_RESOLUTION_ATTEMPTS, with fewer states */
#define NEXT_ATTEMPT  attempt = 1; if :: goto pass :: SETTLE fi
#endif
/* WriteOutcomeUnknownException: the service sends the same candidate again */
#define UNKNOWN_F   k = FIRSTK; blk = 0; giving_up = 0; NEXT_ATTEMPT
/* StoreUnavailableException: "nothing was booked", unless an earlier call was unknown */
#define UNAVAIL_F   if :: attempt == 0 -> told[me] = T_NOTBOOKED; check(); goto done :: else -> SETTLE fi
/* Booked, or Replayed of its own id (the service answers Booked) */
#define BOOKED_F    told[me] = T_BOOKED; check(); goto done
/* A booker's crash is not a step of its own: a crashed process is one that
 * takes no further step, and SPIN explores every schedule, among them each one
 * in which a booker stops for good after any of its steps (the committed state,
 * the log and the other processes go on without it). Its claims are then
 * orphans that the others judge exactly as BookingProtocol#judge does. */
/* Conflict */
#define NOTBOOKED_F told[me] = T_NOTBOOKED; check(); goto done
/* all of the candidate's buckets claimed? */
#define CLAIMED_F   if :: me == A && k == 0 -> k = 1; goto claim :: else -> goto insert fi
/* WAIT or RETRY: pause and claim again; or MAX_ROUNDS / inFlightWait is reached */
#define AGAIN_F     blk = 0; if :: goto claim :: GIVE_UP_F fi
#ifdef OLD_RELEASE
#define GIVE_UP_F   if :: me == A && k == 1 -> goto old_release_first_giveup :: else -> UNAVAIL_F fi
#define CONFLICT_F  if :: me == A && k == 1 -> goto old_release_first_conflict :: else -> goto conflicts fi
#else
#define GIVE_UP_F   giving_up = 1; goto abandon
#define CONFLICT_F  goto conflicts
#endif

proctype booker(byte me) {
	byte attempt;        /* calls of the store so far */
	byte k = FIRSTK;     /* the bucket being claimed */
	byte blk;            /* the claim being judged */
	bool giving_up;      /* abandon ends in "nothing was booked" (else: Conflict) */
	LOCALS;

pass:   /* BookingProtocol#bookOnce */
#ifdef OLD_RELEASE
	atomic {   /* Booking#replayOf: the candidate's id at majority */
		if
		:: com[me] == CONF || com[me] == CANC -> BOOKED_F
		:: com[me] == ABAN -> UNAVAIL_F
		:: com[me] == NONE -> skip
		fi
	};
#endif
claim:  /* RoomDayClaims#claim */
	WRITE(me, OP_CLAIM, k, 0, UNKNOWN_F, UNAVAIL_F, CLAIMED_F, goto inspect);
inspect:
	atomic {   /* RoomDayClaims#inspect: the bucket at majority */
		if
		:: com[BDOC(k)] & (1 << me) -> CLAIMED_F   /* its own claim: a retry re-uses it */
		:: else -> blk = (com[BDOC(k)] & (1 << RIVAL(me, k)) -> RIVAL(me, k) : NOBODY)
		fi;
		if
		:: blk == NOBODY -> AGAIN_F   /* the blocker is gone: RETRY */
		:: else -> goto judge
		fi
	};
judge:
	atomic {   /* BookingProtocol#judge: ReservationDocs#byIds, the blocker's document at majority */
		if
		:: com[blk] == CONF -> blk = 0; CONFLICT_F
		:: com[blk] == CANC || com[blk] == ABAN -> goto remove_leftover
		:: com[blk] == NONE -> AGAIN_F      /* younger than orphanAge by the server's clock: WAIT */
		:: com[blk] == NONE -> goto fence   /* older (the clock is not trusted: either may be seen) */
		fi
	};
fence:   /* BookingProtocol#fence: ReservationDocs#insertTombstone for the orphan */
	WRITE(me, OP_INSERT, blk, ABAN, UNKNOWN_F, UNAVAIL_F, goto remove_leftover, goto fence_dup);
fence_dup:
	atomic {   /* ReservationDocs#byId: fenced only if its tombstone is there */
		if
		:: com[blk] == ABAN -> goto remove_leftover
		:: else -> AGAIN_F   /* it landed first: WAIT, look again */
		fi
	};
remove_leftover:   /* RoomDayClaims#remove of the blocker's claim in this bucket */
	REMOVE(me, blk, 1 << k, UNKNOWN_F, UNAVAIL_F, AGAIN_F);

insert:   /* BookingProtocol#insert: ReservationDocs#insert of the reservation */
	WRITE(me, OP_INSERT, me, CONF, UNKNOWN_F, UNAVAIL_F, BOOKED_F, goto insert_dup);
insert_dup:
#ifndef OLD_RELEASE
	atomic {   /* ReservationDocs#byId */
		if
		:: com[me] == NONE -> UNKNOWN_F   /* "refused as taken, yet no document can be read" */
		:: com[me] == CONF -> BOOKED_F    /* an earlier attempt landed: Replayed */
		:: com[me] == CANC -> blk = 1; goto release_own   /* landed, cancelled since: Replayed */
		:: com[me] == ABAN -> blk = 0; goto release_own   /* fenced: "abandoned", nothing was booked */
		fi
	};
release_own:
	REMOVE(me, me, BUCKETS(me), UNKNOWN_F, UNAVAIL_F,
		if :: blk == 1 -> blk = 0; BOOKED_F :: else -> UNAVAIL_F fi);
#else
	atomic {   /* Booking#insert before 0880105: the candidate's id at majority */
		if
		:: com[me] == CONF || com[me] == CANC -> BOOKED_F   /* a replay */
		:: else -> goto old_release_all   /* anything else, also nothing seen: release */
		fi
	};
old_release_all:
	REMOVE(me, me, BUCKETS(me), UNKNOWN_F, UNAVAIL_F, UNAVAIL_F);
old_release_first_conflict:   /* Booking before 0880105: release the claims made so far, no tombstone */
	REMOVE(me, me, 1, UNKNOWN_F, UNAVAIL_F, goto conflicts);
old_release_first_giveup:
	REMOVE(me, me, 1, UNKNOWN_F, UNAVAIL_F, UNAVAIL_F);
#endif

conflicts:
	atomic {   /* BookingProtocol#confirmedConflicts: claims and their owners at majority */
		if
		:: ((me == A && ((com[B] == CONF && (com[BDOC(0)] & 2)) || (com[C] == CONF && (com[BDOC(1)] & 4))))
		    || (me == B && com[A] == CONF && (com[BDOC(0)] & 1))
		    || (me == C && com[A] == CONF && (com[BDOC(1)] & 1))) ->
#ifdef OLD_RELEASE
			NOTBOOKED_F
#else
			giving_up = 0; goto abandon
#endif
		:: else ->   /* the conflicts vanished: a new pass, or MAX_PASSES is reached */
			if
			:: k = FIRSTK; goto pass
			:: GIVE_UP_F
			fi
		fi
	};

#ifndef OLD_RELEASE
abandon:   /* BookingProtocol#abandon: its own tombstone (ReservationDocs#insertTombstone), then its claims */
	WRITE(me, OP_INSERT, me, ABAN, UNKNOWN_F, UNAVAIL_F, goto abandon_release, goto abandon_dup);
abandon_dup:
	atomic {   /* ReservationDocs#byId */
		if
		:: com[me] == NONE -> UNKNOWN_F
		:: com[me] == CONF || com[me] == CANC -> BOOKED_F   /* its earlier attempt landed: Replayed */
		:: com[me] == ABAN -> goto abandon_release
		fi
	};
abandon_release:
	REMOVE(me, me, BUCKETS(me), UNKNOWN_F, UNAVAIL_F,
		if :: giving_up -> UNAVAIL_F :: else -> NOTBOOKED_F fi);
#endif

done:   /* its local state is dead */
	atomic { attempt = 0; k = 0; blk = 0; giving_up = 0; op = 0; arg = 0; val = 0; res = 0; out = 0; retried = 0; half = 0 }
}

/* ---- the canceller: ReservationService#cancel around MongoReservationStore#cancel
 * Its faults: the CAS may end in outcome-unknown once applied (the service
 * re-reads and retries); the release of the claims may not happen, or stop
 * after the first of two buckets (a crash, or a failure that releaseClaims
 * logs and ignores). Its other faults change nothing the bookers can see: a
 * CAS never sent is a canceller that never ran, and it waits for no reply
 * of the release. */

proctype canceller() {
	byte t;
	byte me = CANCELLER, attempt;   /* named by the shared macros; their fault branches are off for it */
	LOCALS;
end_idle:
	atomic {   /* ReservationService#cancel: findById, a reservation CONFIRMED at majority */
		if
		:: com[A] == CONF -> t = A
		:: com[B] == CONF -> t = B
		:: com[C] == CONF -> t = C
		fi
	};
cas:   /* MongoReservationStore#cancel: the version CAS (findOneAndUpdate) */
	atomic {
		nlog < LOGMAX -> op = OP_CAS; arg = t; rolled[CANCELLER] = 0; apply_write(CANCELLER);
		if
		:: out = WAITING
		:: wt[CANCELLER] = 0; DONE_WRITE; res = R_OK; goto reread
		fi
	};
	AWAIT(CANCELLER, goto reread, goto release, goto reread);
release:   /* MongoReservationStore#releaseClaims: RoomDayClaims#remove, best effort */
	atomic {
		nlog < LOGMAX ->
		if
		:: goto stop   /* not applied */
		:: pull(CANCELLER, (BUCKETS(t) & 1 -> 0 : 1), t); wt[CANCELLER] = 0;
			if
			:: BUCKETS(t) == 3 -> goto release_second
			:: BUCKETS(t) == 3 -> goto stop   /* stops between the two buckets */
			:: BUCKETS(t) != 3 -> goto stop
			fi
		fi
	};
release_second:
	atomic { nlog < LOGMAX -> pull(CANCELLER, 1, t); wt[CANCELLER] = 0; goto stop };
reread:
	atomic {   /* unknown, or no match (pending change / ConcurrentUpdate): the service re-reads at majority */
		if
		:: com[t] == CONF -> goto cas   /* CANCEL_ATTEMPTS is not counted: any number of tries */
		:: goto stop   /* returns it (not CONFIRMED any more), or gives up */
		fi
	};
stop:
done:
	atomic { t = 0; op = 0; arg = 0; val = 0; res = 0; out = 0; retried = 0; half = 0 }
}

init {
	atomic {
#ifdef LIVENESS
#ifdef LIVE_A
		run booker(A);
#else
		run booker(B);
		run booker(C);
#endif
#else
		run booker(A);
#ifdef PAIR_AC
		run booker(C);
#else
		run booker(B);
#endif
#ifdef WITH_C
		run booker(C);
#endif
#ifndef NO_CANCELLER
		run canceller();
#endif
#endif
	}
}

#ifdef LIVENESS
#ifdef LIVE_A
ltl booking_completes { <> (told[A] == T_BOOKED) }
#else
ltl bookings_complete { <> (told[B] == T_BOOKED && told[C] == T_BOOKED) }
#endif
#endif
