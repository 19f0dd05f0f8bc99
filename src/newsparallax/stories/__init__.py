"""Stories: group reports of one real-world event, as they arrive (``assign``) and in batch (``service``)."""
