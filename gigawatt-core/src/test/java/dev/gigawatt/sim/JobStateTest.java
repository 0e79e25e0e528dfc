package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** A reused job state is, after reset, the same as a new one: no field of the job it held is left. */
class JobStateTest {
    private static JobState fresh() {
        return new JobState().reset(3, null, "H100-SXM", 1, 64, null, 3600, 600, 30, 120, 1e6, 42L, 5);
    }

    @Test
    void reset_afterEveryFieldWasChanged_equalsANewStateFieldByField() throws IllegalAccessException {
        JobState used = new JobState();
        for (int i = 0; i < 5; i++) {
            used.failures.sample(); // the failure stream moved on
        }
        int changed = 0;
        for (Field f : JobState.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Class<?> t = f.getType();
            if (t == int.class) {
                f.setInt(used, 7);
            } else if (t == long.class) {
                f.setLong(used, 7);
            } else if (t == double.class) {
                f.setDouble(used, 7.5);
            } else if (t == boolean.class) {
                f.setBoolean(used, true);
            } else if (t == String.class) {
                f.set(used, "left over");
            } else if (t == JobState.Phase.class) {
                f.set(used, JobState.Phase.DONE);
            } else if (t == MixArrivals.class || t == Pool.class) {
                continue; // not made here; reset sets them, and a new state has them null
            } else if (t == org.apache.commons.rng.UniformRandomProvider.class) {
                f.set(used, new RandomStreams.SplitMix64(9));
            } else {
                throw new AssertionError("a field of a type this test does not change: " + f);
            }
            changed++;
        }
        assertThat(changed).as("fields changed").isGreaterThan(40);

        used.reset(3, null, "H100-SXM", 1, 64, null, 3600, 600, 30, 120, 1e6, 42L, 5);
        JobState expected = fresh();
        for (Field f : JobState.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            assertThat(f.get(used)).as(f.getName()).isEqualTo(f.get(expected));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(used.failures.sample()).as("failure draw " + i).isEqualTo(expected.failures.sample());
        }
    }
}
