package io.scoreline.sim.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One generated CRM record; the closed set of payload shapes the simulators know how to render. */
public sealed interface Activity {

    RecordMeta meta();

    Activity withMeta(RecordMeta meta);

    /** @param outbound false for inbound calls */
    record Call(RecordMeta meta, String subject, boolean outbound, int durationSeconds, CallOutcome outcome)
            implements Activity {
        @Override
        public Call withMeta(RecordMeta meta) {
            return new Call(meta, subject, outbound, durationSeconds, outcome);
        }
    }

    /** @param sent false for an incoming email */
    record Email(RecordMeta meta, String subject, boolean sent) implements Activity {
        @Override
        public Email withMeta(RecordMeta meta) {
            return new Email(meta, subject, sent);
        }
    }

    /** Booked at {@code meta.createdAt()}, held (or not) at {@code start}. */
    record Meeting(RecordMeta meta, String subject, Instant start, int durationMinutes, MeetingOutcome outcome)
            implements Activity {
        @Override
        public Meeting withMeta(RecordMeta meta) {
            return new Meeting(meta, subject, start, durationMinutes, outcome);
        }

        public Instant end() {
            return start.plusSeconds(durationMinutes * 60L);
        }
    }

    record Todo(RecordMeta meta, String subject, LocalDate dueDate, TodoStatus status, String priority)
            implements Activity {
        @Override
        public Todo withMeta(RecordMeta meta) {
            return new Todo(meta, subject, dueDate, status, priority);
        }
    }

    record Deal(RecordMeta meta, String name, BigDecimal amount, DealStage stage, LocalDate closeDate)
            implements Activity {
        @Override
        public Deal withMeta(RecordMeta meta) {
            return new Deal(meta, name, amount, stage, closeDate);
        }
    }

    /** A product demo booked at {@code meta.createdAt()} for {@code demoDate}: the simulators' custom object. */
    record Demo(RecordMeta meta, String name, LocalDate demoDate, DemoStatus status) implements Activity {
        @Override
        public Demo withMeta(RecordMeta meta) {
            return new Demo(meta, name, demoDate, status);
        }
    }
}
