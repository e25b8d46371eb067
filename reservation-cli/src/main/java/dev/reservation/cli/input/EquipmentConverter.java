package dev.reservation.cli.input;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads equipment the way the core spells it ({@code projector}, {@code video-conferencing}). Thread-safe. */
public final class EquipmentConverter implements ITypeConverter<Equipment> {
    @Override
    public Equipment convert(String text) {
        try {
            return Equipment.parse(text);
        } catch (InvalidInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
