// A table's column headers, one <th scope="col"> per label, in a <tr> for the table's <thead>.
export const headCellClass = 'px-3 py-2 text-left font-medium';

export function HeadRow({ labels, className = headCellClass }: { labels: string[]; className?: string }) {
  return (
    <tr>
      {labels.map((label) => (
        <th key={label} scope="col" className={className}>
          {label}
        </th>
      ))}
    </tr>
  );
}
