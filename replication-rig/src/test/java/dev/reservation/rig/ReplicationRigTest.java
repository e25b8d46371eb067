package dev.reservation.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ClientSessionOptions;
import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.connection.ClusterType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rig through the real driver: what it models, checked one semantic at a time. */
class ReplicationRigTest {
    private final ReplicationRig rig = ReplicationRig.start();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(rig.connectionString()))
            .writeConcern(WriteConcern.MAJORITY.withWTimeout(10, TimeUnit.SECONDS))
            .applyToClusterSettings(b -> b.serverSelectionTimeout(3, TimeUnit.SECONDS))
            .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
            .build());
    private final MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");

    @AfterEach
    void close() {
        client.close();
        rig.close();
        assertThat(rig.divergences()).as("replays that differed from the original").isZero();
    }

    /** The collection with a short majority wait, for the writes that are meant to time out. */
    private MongoCollection<Document> impatient() {
        return docs.withWriteConcern(WriteConcern.MAJORITY.withWTimeout(300, TimeUnit.MILLISECONDS));
    }

    private MongoCollection<Document> majority() {
        return docs.withReadConcern(ReadConcern.MAJORITY);
    }

    @Test
    void theDriverSeesAReplicaSetWithAPrimaryASecondaryAndAnArbiter() {
        docs.insertOne(new Document("_id", 1));
        assertThat(client.getClusterDescription().getType()).isEqualTo(ClusterType.REPLICA_SET);
        assertThat(client.getClusterDescription().getServerDescriptions()).hasSize(3);
        assertThat(client.getClusterDescription().getLogicalSessionTimeoutMinutes()).isEqualTo(30);
    }

    @Test
    void aMajorityWriteIsAcknowledgedOnceCommittedAndMajorityReadsSeeIt() {
        docs.insertOne(new Document("_id", 1));
        assertThat(majority().find(Filters.eq("_id", 1)).first()).isNotNull();
        assertThat(rig.committedTs()).isEqualTo(rig.appliedTs());
    }

    @Test
    void withTheCommitPointStalledAMajorityWriteTimesOutAfterBeingApplied() {
        rig.stallCommitPoint();
        assertThatThrownBy(() -> impatient().insertOne(new Document("_id", 1)))
                .isInstanceOfSatisfying(MongoWriteConcernException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(64);
                    assertThat(e.getWriteConcernError().getDetails().getBoolean("wtimeout").getValue()).isTrue();
                });
        assertThat(docs.withReadConcern(ReadConcern.LOCAL).find(Filters.eq("_id", 1)).first()).as("applied").isNotNull();
        assertThat(majority().find(Filters.eq("_id", 1)).first()).as("not committed").isNull();

        rig.resumeCommitPoint();
        assertThat(rig.awaitReplicated(Duration.ofSeconds(5))).isTrue();
        assertThat(majority().find(Filters.eq("_id", 1)).first()).isNotNull();
    }

    @Test
    void aDuplicateKeyDuringAStallCarriesAWriteConcernErrorThatOnlyBulkWriteShows() {
        docs.insertOne(new Document("_id", 1));
        rig.stallCommitPoint();
        docs.withWriteConcern(WriteConcern.W1).insertOne(new Document("_id", 2)); // applied, never committed

        assertThatThrownBy(() -> impatient().bulkWrite(List.of(new InsertOneModel<>(new Document("_id", 1)))))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                    assertThat(e.getWriteErrors()).extracting(w -> w.getCode()).containsExactly(11000);
                    assertThat(e.getWriteConcernError()).isNotNull();
                    assertThat(e.getWriteConcernError().getCode()).isEqualTo(64);
                });
        assertThatThrownBy(() -> impatient().insertOne(new Document("_id", 1)))
                .as("the single-document method drops the write-concern error")
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void aRetryableWriteWhoseReplyIsLostIsRetriedOnceAndAppliedOnce() {
        FailPoint.Armed lost = rig.arm(FailPoint.on("update").times(1).closeConnectionAfterApplying());
        docs.updateOne(Filters.eq("_id", 1), Updates.inc("n", 1), new UpdateOptions().upsert(true));
        assertThat(lost.fired()).isEqualTo(1);
        assertThat(majority().find(Filters.eq("_id", 1)).first().getInteger("n")).isEqualTo(1);
    }

    @Test
    void aNotWritablePrimaryOnTheRetryHidesThatTheFirstAttemptLanded() {
        rig.arm(FailPoint.on("insert").times(1).closeConnectionAfterApplying());
        rig.arm(FailPoint.on("insert").skip(1).times(1).error(10107));
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", 1)))
                .isInstanceOf(MongoNotPrimaryException.class)
                .matches(e -> !((MongoNotPrimaryException) e).hasErrorLabel("NoWritesPerformed"));
        assertThat(majority().find(Filters.eq("_id", 1)).first()).as("it landed nonetheless").isNotNull();
    }

    @Test
    void aFailoverRollsBackWhatWasNotCommittedAndKeepsWhatWas() {
        docs.insertOne(new Document("_id", "kept"));
        rig.stallCommitPoint();
        docs.withWriteConcern(WriteConcern.W1).insertOne(new Document("_id", "lost"));
        assertThat(docs.find(Filters.eq("_id", "lost")).first()).isNotNull();

        rig.beginFailover(false);
        assertThat(rig.hasPrimary()).isFalse();
        ReplicationRig.Rollback rollback = rig.completeFailover();
        rig.resumeCommitPoint();

        assertThat(rollback.writesRolledBack()).isEqualTo(1);
        assertThat(docs.find().map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly("kept");
        docs.insertOne(new Document("_id", "after"));
        assertThat(majority().countDocuments()).isEqualTo(2);
    }

    @Test
    void writesWaitForANewPrimaryDuringAFailoverAndTheDriverRetriesThem() throws Exception {
        rig.beginFailover(true);
        Thread heal = new Thread(() -> {
            sleep(700);
            rig.completeFailover();
        });
        heal.start();
        docs.insertOne(new Document("_id", 1));
        heal.join();
        assertThat(majority().find(Filters.eq("_id", 1)).first()).isNotNull();
    }

    @Test
    void aLinearizableReadWaitsForTheCommitPoint() {
        docs.insertOne(new Document("_id", 1));
        rig.pauseReplication();
        docs.withWriteConcern(WriteConcern.W1).updateOne(Filters.eq("_id", 1), Updates.set("v", 2));
        Thread resume = new Thread(() -> {
            sleep(300);
            rig.resumeReplication();
        });
        resume.start();
        long t0 = System.nanoTime();
        Document seen = docs.withReadConcern(ReadConcern.LINEARIZABLE).find(Filters.eq("_id", 1)).first();
        assertThat(seen.getInteger("v")).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aCausallyConsistentSessionReadsItsOwnWriteFromALaggingSecondary() {
        rig.lag(Duration.ofMillis(200));
        MongoCollection<Document> secondary = docs.withReadPreference(ReadPreference.secondary());
        try (ClientSession session = client.startSession(ClientSessionOptions.builder().causallyConsistent(true).build())) {
            docs.withWriteConcern(WriteConcern.W1).insertOne(session, new Document("_id", 1));
            assertThat(secondary.withReadConcern(ReadConcern.MAJORITY).find(session, Filters.eq("_id", 1)).first())
                    .isNotNull();
        }
    }

    @Test
    void currentDateIsTheRigsClockAndTheSameOnBothBackends() {
        docs.updateOne(Filters.eq("_id", 1), Updates.currentDate("at"), new UpdateOptions().upsert(true));
        Object applied = docs.find(Filters.eq("_id", 1)).first().get("at");
        Object committed = majority().find(Filters.eq("_id", 1)).first().get("at");
        assertThat(committed).isEqualTo(applied);
    }

    @Test
    void cursorsOfBothBackendsPageThroughEveryDocument() {
        docs.insertMany(IntStream.range(0, 350).mapToObj(i -> new Document("_id", i)).toList());
        assertThat(docs.find().batchSize(50).into(new ArrayList<>())).hasSize(350);
        assertThat(majority().find().batchSize(50).into(new ArrayList<>())).hasSize(350);
    }

    @Test
    void aFailedWriteWaitsForEverythingLoggedBeforeIt() {
        docs.insertOne(new Document("_id", 1));
        rig.pauseReplication();
        docs.withWriteConcern(WriteConcern.W1).insertOne(new Document("_id", 2));
        assertThatThrownBy(() -> impatient().bulkWrite(List.of(new InsertOneModel<>(new Document("_id", 1)))))
                .isInstanceOfSatisfying(MongoBulkWriteException.class,
                        e -> assertThat(e.getWriteConcernError()).as("an E11000 is proof only once committed").isNotNull());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
