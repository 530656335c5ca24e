package io.scoreline.gamification.badges;

import java.time.LocalDate;
import java.util.Set;

/**
 * Whether one badge is deserved for one period key, with what the evidence needs: the value and the
 * threshold it was compared with (a number, or per KPI for combos), the window, and the KPIs whose
 * records contributed. Judged keys are reconciled with stored awards; keys not judged are left alone.
 */
public record Judgement(
        String periodKey,
        boolean qualifies,
        Object value,
        Object threshold,
        LocalDate from,
        LocalDate to,
        Set<String> kpis) {}
