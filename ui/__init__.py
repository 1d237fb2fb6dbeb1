"""The Qt desktop interface: one module per view or dialog, fed by `core`."""
