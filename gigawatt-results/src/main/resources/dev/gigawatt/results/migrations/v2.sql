-- Schema version 2: jobs records useful_gpu_hours (accelerators × compute time done), the numerator
-- of training goodput. Rows recorded under version 1 keep NULL there.
ALTER TABLE jobs ADD COLUMN useful_gpu_hours DOUBLE;
