package dev.gigawatt.cli;

import dev.gigawatt.units.Dimension;
import dev.gigawatt.units.UnitException;
import dev.gigawatt.units.Units;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a positive duration option such as {@code 60s}, {@code 5 min} or {@code 500 ms}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        double seconds;
        try {
            seconds = Units.parse(text, Dimension.DURATION);
        } catch (UnitException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (!(seconds > 0)) {
            throw new TypeConversionException("must be positive, got \"" + text + "\"");
        }
        return Duration.ofNanos(Math.round(Math.min(seconds, Long.MAX_VALUE / 1e9) * 1e9));
    }
}
