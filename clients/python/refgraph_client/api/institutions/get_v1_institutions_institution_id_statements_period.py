from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.statement import Statement
from typing import cast



def _get_kwargs(
    institution_id: str,
    period: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/{institution_id}/statements/{period}".format(institution_id=quote(str(institution_id), safe=""),period=quote(str(period), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Statement:
    if response.status_code == 200:
        response_200 = Statement.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Statement]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: str,
    period: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Statement]:
    """ The institution's statement for a period: payouts, financing and fees, as a file

    Args:
        institution_id (str):
        period (str):  Example: 2026-10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Statement]
     """


    kwargs = _get_kwargs(
        institution_id=institution_id,
period=period,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    institution_id: str,
    period: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Statement | None:
    """ The institution's statement for a period: payouts, financing and fees, as a file

    Args:
        institution_id (str):
        period (str):  Example: 2026-10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Statement
     """


    return sync_detailed(
        institution_id=institution_id,
period=period,
client=client,

    ).parsed

async def asyncio_detailed(
    institution_id: str,
    period: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Statement]:
    """ The institution's statement for a period: payouts, financing and fees, as a file

    Args:
        institution_id (str):
        period (str):  Example: 2026-10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Statement]
     """


    kwargs = _get_kwargs(
        institution_id=institution_id,
period=period,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    institution_id: str,
    period: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Statement | None:
    """ The institution's statement for a period: payouts, financing and fees, as a file

    Args:
        institution_id (str):
        period (str):  Example: 2026-10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Statement
     """


    return (await asyncio_detailed(
        institution_id=institution_id,
period=period,
client=client,

    )).parsed
