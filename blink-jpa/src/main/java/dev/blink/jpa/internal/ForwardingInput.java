package dev.blink.jpa.internal;

import dev.blink.Location;
import dev.blink.TableName;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@link TableInput} that answers as another one does, except where a subclass says otherwise. */
abstract class ForwardingInput implements TableInput {

    /** The input answered for. */
    final TableInput input;

    ForwardingInput(TableInput input) {
        this.input = input;
    }

    @Override
    public TableName table() {
        return input.table();
    }

    @Override
    public List<String> columns() {
        return input.columns();
    }

    @Override
    public Set<String> constantColumns() {
        return input.constantColumns();
    }

    @Override
    public long rowNumber() {
        return input.rowNumber();
    }

    @Override
    public Optional<RowOrigin> origin() {
        return input.origin();
    }

    @Override
    public Location location() {
        return input.location();
    }
}
