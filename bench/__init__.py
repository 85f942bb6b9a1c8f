"""The benchmark harness: newsledger beside the field's other tools on the same pages, one run."""
