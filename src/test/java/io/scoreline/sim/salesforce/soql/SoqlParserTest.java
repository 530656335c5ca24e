package io.scoreline.sim.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

    @Test
    void parsesSelectListRelationshipsWhereOrderAndLimit() {
        SoqlQuery query = SoqlParser.parse("SELECT Id, Owner.Email, CallDurationInSeconds FROM Task "
                + "WHERE (Type = 'Call' OR TaskSubtype IN ('Call', 'Email')) AND NOT IsDeleted = true "
                + "AND SystemModstamp >= 2026-02-01T00:00:00.000+0000 AND ActivityDate < 2026-03-01 "
                + "ORDER BY SystemModstamp ASC, Id DESC NULLS FIRST LIMIT 500 OFFSET 10");

        assertThat(query.fields())
                .extracting(FieldPath::dotted)
                .containsExactly("Id", "Owner.Email", "CallDurationInSeconds");
        assertThat(query.from()).isEqualTo("Task");
        assertThat(query.orderBy())
                .extracting(
                        item -> item.field().dotted(), SoqlQuery.OrderItem::descending, SoqlQuery.OrderItem::nullsLast)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SystemModstamp", false, false),
                        org.assertj.core.groups.Tuple.tuple("Id", true, false));
        assertThat(query.limit()).hasValue(500);
        assertThat(query.offset()).hasValue(10);
        Condition.And where = (Condition.And) query.where().orElseThrow();
        assertThat(where.terms()).hasSize(4);
        assertThat(where.terms().get(0)).isInstanceOf(Condition.Or.class);
        assertThat(where.terms().get(1)).isInstanceOf(Condition.Not.class);
        assertThat(((Condition.Comparison) where.terms().get(2)).value())
                .isEqualTo(new Literal.DateTime(Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(((Condition.Comparison) where.terms().get(3)).value())
                .isEqualTo(new Literal.Date(LocalDate.of(2026, 3, 1)));
    }

    @Test
    void parsesCountAndRelativeDates() {
        SoqlQuery query = SoqlParser.parse("select count() from Opportunity where CloseDate = LAST_N_DAYS:30");

        assertThat(query.countOnly()).isTrue();
        assertThat(query.fields()).isEmpty();
        assertThat(((Condition.Comparison) query.where().orElseThrow()).value())
                .isEqualTo(new Literal.RelativeDate("LAST_N_DAYS", 30));
    }

    @Test
    void malformedQueryPointsAtTheOffendingToken() {
        String soql = "SELECT Id FORM Task";

        assertThatThrownBy(() -> SoqlParser.parse(soql)).isInstanceOfSatisfying(SoqlException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.position()).isEqualTo(10);
            assertThat(e.describe(soql))
                    .isEqualTo("\nSELECT Id FORM Task\n          ^\n"
                            + "ERROR at Row:1:Column:11\nunexpected token: FORM");
        });
    }

    @Test
    void rejectsDanglingAndIncompleteClauses() {
        for (String bad : List.of(
                "SELECT FROM Task",
                "SELECT Id FROM Task WHERE",
                "SELECT Id FROM Task WHERE Id =",
                "SELECT Id FROM Task LIMIT x",
                "SELECT Id, FROM Task",
                "SELECT Id FROM Task WHERE Subject = 'open",
                "SELECT Id FROM Task ORDER Id",
                "SELECT Id FROM Task WHERE Id NOT = 'x'")) {
            assertThatThrownBy(() -> SoqlParser.parse(bad))
                    .as(bad)
                    .isInstanceOf(SoqlException.class)
                    .extracting("errorCode")
                    .isEqualTo("MALFORMED_QUERY");
        }
    }
}
