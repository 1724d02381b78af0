"""Synthetic microdata for the worked example «Evaluering av tilskudd til ekspertbistand»."""
